import { readAlertSubject, readContractSubject } from '../disclosure/requests/read-record-subjects.js';
import type { DraftSubjectReaders } from '../disclosure/requests/draft-subject.js';
import type { StoreTransaction } from '../store/store.js';

/**
 * What a records request can be drafted from, by kind. Acquisition reviews and dockets add their
 * readers here (one line each) once those modules exist; until then drafting from them is a 400.
 */
export const DRAFT_SUBJECT_READERS: DraftSubjectReaders<StoreTransaction> = {
  alert: readAlertSubject,
  contract: readContractSubject,
};
