import type { ProcurementEvent } from '../events/classify-event.js';
import type { MatchDecision } from '../matching/types.js';
import type { ScreenedTransaction } from './screen-transaction.js';

/** One line of `countersign screen --json`, keys in the order the issue fixes. */
export interface ScreeningRecord {
  readonly transactionKey: string;
  readonly awardKey: string;
  readonly piid: string;
  readonly modification: string;
  readonly actionDate: string;
  readonly amount: number;
  readonly organizationId: string;
  /** The registry record's primary name. */
  readonly organizationName: string;
  readonly event: ProcurementEvent;
  readonly score: number;
  readonly reasons: readonly string[];
  /** Only on review items, which are printed only when asked for. */
  readonly decision?: MatchDecision;
}

/**
 * Flattens a screened transaction into its output record: the matcher's reasons first, then why
 * the event was chosen.
 *
 * @example
 * JSON.stringify(toScreeningRecord(screened)); // '{"transactionKey":"7012_-NONE-_…","awardKey":…}'
 */
export function toScreeningRecord(screened: ScreenedTransaction): ScreeningRecord {
  const { transaction, match, event } = screened;
  const record: ScreeningRecord = {
    transactionKey: transaction.transactionKey,
    awardKey: transaction.awardKey,
    piid: transaction.piid,
    modification: transaction.modification,
    actionDate: transaction.actionDate,
    amount: transaction.amount,
    organizationId: match.organizationId,
    organizationName: match.organizationName,
    event: event.event,
    score: match.score,
    reasons: [...match.reasons, event.reason],
  };
  return match.decision === 'review' ? { ...record, decision: 'review' } : record;
}
