import type { LogAppender } from '../../ledger/append/log-appender.js';

/**
 * The log as kernel transactions write it: every entry checked against the catalogue, and the
 * subscribers of its type run in the same transaction before the next entry is appended.
 *
 * @example
 * if (!tx.log.runsSubscribers(deadline.firesEvent)) quiet.push(deadline);
 */
export interface EventLog extends LogAppender {
  /** Whether appending an entry of this type runs subscribers (whose writes may reach other cases and their deadlines). */
  runsSubscribers(type: string): boolean;
}
