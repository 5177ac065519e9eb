import type { ContractTransaction } from '../contract-transaction.js';
import { classifyEvent, type EventClassification } from '../events/classify-event.js';
import type { RecipientMatch, RecipientMatcher } from '../matching/types.js';

/** A transaction whose recipient is on the watchlist, with what happened in it. */
export interface ScreenedTransaction {
  readonly transaction: ContractTransaction;
  readonly match: RecipientMatch;
  readonly event: EventClassification;
}

/**
 * Screens one normalised transaction: the matcher decides whether the recipient is on the
 * watchlist, then the event is read from the transaction. Null when nothing matched.
 *
 * @example
 * const screened = screenTransaction(transaction, createRecipientMatcher(watchlist));
 * screened?.event.event; // 'stop-work'
 */
export function screenTransaction(transaction: ContractTransaction, matcher: RecipientMatcher): ScreenedTransaction | null {
  const match = matcher.match(transaction.recipient);
  if (match === null) return null;
  return { transaction, match, event: classifyEvent(transaction) };
}
