import type { LogReader } from '../tiles/log-reader.js';
import type { LogStorage } from './log-storage.js';
import type { Sequencer } from './sequencer.js';

/** The running transparency log: its writer, its storage, and what `/log/` serves. */
export interface Ledger {
  readonly origin: string;
  readonly verifierKey: string;
  readonly storage: LogStorage;
  readonly sequencer: Sequencer;
  readonly reader: LogReader;
  /** Stops polling, detaches from the store, and waits for a running integration to finish. */
  close(): Promise<void>;
}

