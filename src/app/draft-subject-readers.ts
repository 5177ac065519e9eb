import { readAlertSubject, readContractSubject } from '../disclosure/requests/read-record-subjects.js';
import type { DraftSubjectReaders } from '../disclosure/requests/draft-subject.js';
import type { StoreTransaction } from '../store/store.js';
import { readDocketSubject } from './read-docket-subject.js';
import { readReviewSubject } from './read-review-subject.js';

/**
 * What a records request can be drafted from, by kind: alerts and contracts (disclosure's own
 * readers), acquisition reviews and dockets (oversight's, read here in the app); a kind without a reader is
 * a 400.
 */
export const DRAFT_SUBJECT_READERS: DraftSubjectReaders<StoreTransaction> = {
  alert: readAlertSubject,
  contract: readContractSubject,
  review: readReviewSubject,
  docket: readDocketSubject,
};
