import type { Ledger } from '../ledger/sequencer/ledger.js';
import type { Store, StoreTransaction } from '../store/store.js';
import type { DraftSubjectReaders } from '../disclosure/requests/draft-subject.js';

/** One transparency-log entry about a record, as a record page lists it. */
export interface TransparencyLogEntry {
  /** The entry's leaf index in the log; null while it waits for the sequencer. */
  readonly index: number | null;
  /** `area.thing.happened`, e.g. `registry.designation.delisted`. */
  readonly type: string;
  /** When it happened (ISO 8601 UTC), as the entry says. */
  readonly time: string;
  /** Where the entry or its inclusion proof can be read: a path on this site or an https URL. */
  readonly href?: string;
}

/** What the portal is built from. */
export interface PortalDependencies {
  readonly store: Store;
  readonly now?: () => Date;
  /**
   * The log entries about a subject (`organization:candiru`, `contract:70CTD024P00000012`).
   * Optional: until the ledger wires it, record pages show no log section at all.
   */
  readonly logEntriesFor?: (subject: string) => Promise<readonly TransparencyLogEntry[]>;
  /** The running transparency log, for /log and the entry pages; without it they answer 404. */
  readonly ledger?: Ledger;
  /** Where sources' archived copies are kept (`<dir>/archive/…`); the project's `dataset/` by default. */
  readonly datasetDirectory?: string;
  /** What records requests can be drafted from (alerts, contracts …); without it the draft form refuses every kind. */
  readonly draftSubjectReaders?: DraftSubjectReaders<StoreTransaction>;
}
