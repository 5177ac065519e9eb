import type { RecipientMatcher, Watchlist } from '../matching/types.js';
import { ProcurementError } from '../procurement-error.js';
import { screenTransaction, type ScreenedTransaction } from './screen-transaction.js';
import type { ScreenTally } from './screen-summary.js';

/** Inputs read whole rather than scanned: FPDS ATOM feeds and saved USAspending API answers. */
export function isDocumentFile(file: string): boolean {
  return /\.(xml|atom|json)$/i.test(file);
}

function isMatcherModule(value: unknown): value is { createRecipientMatcher(watchlist: Watchlist): RecipientMatcher } {
  return typeof value === 'object' && value !== null && 'createRecipientMatcher' in value && typeof value.createRecipientMatcher === 'function';
}

/**
 * Screens FPDS ATOM feeds (`.xml`, `.atom`) and saved spending_by_transaction answers (`.json`)
 * with the same recipient matcher as the CSV engine, on this thread. Feeds are streamed entry by
 * entry, so their size does not matter to memory.
 *
 * @example
 * await screenDocumentFiles({ files: ['feed.atom.xml'], watchlist, tally, onMatch });
 */
export async function screenDocumentFiles(options: {
  files: readonly string[];
  watchlist: Watchlist | Promise<Watchlist>;
  matcherModule: string;
  tally: ScreenTally;
  onMatch: (screened: ScreenedTransaction) => void;
}): Promise<void> {
  if (options.files.length === 0) return;
  // Loaded only when needed: the XML and JSON readers (and zod) are no cost to a CSV-only run.
  const { readDocumentTransactions } = await import('./read-document-transactions.js');
  const loaded: unknown = await import(options.matcherModule);
  if (!isMatcherModule(loaded)) throw new ProcurementError({ code: 'WORKER_FAILED', message: `${options.matcherModule} does not export createRecipientMatcher` });
  const matcher = loaded.createRecipientMatcher(await options.watchlist);
  for (const file of options.files) {
    options.tally.addInput(file);
    for await (const transaction of readDocumentTransactions(file, options.tally)) {
      options.tally.rows++;
      const screened = screenTransaction(transaction, matcher);
      if (screened === null) continue;
      options.tally.addMatch(screened);
      options.onMatch(screened);
    }
  }
}
