import type { LogEntryInput } from './log-entry-input.js';

/** A durably stored entry, waiting for (or given) its index in the tree. */
export interface AppendedEntry {
  /** The stored row's id; the sequencer assigns the leaf index later. */
  readonly id: number;
}

/**
 * What a command needs of the ledger: append its entry inside the command's own transaction, so
 * the entry is durable exactly when the change is.
 */
export interface LogAppender {
  append(entry: LogEntryInput): Promise<AppendedEntry>;
  /**
   * Appends entries in the order given, with the same result as appending them one by one (row
   * ids ascending in that order, so the sequencer logs them in it), in fewer round trips.
   */
  appendAll(entries: readonly LogEntryInput[]): Promise<AppendedEntry[]>;
}
