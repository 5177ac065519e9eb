import { readFile } from 'node:fs/promises';
import { parseFpdsAtom } from '../fpds/parse-fpds-atom.js';
import type { RecipientMatcher, Watchlist } from '../matching/types.js';
import { ProcurementError } from '../procurement-error.js';
import { spendingByTransactionSchema } from '../usaspending-api/api-responses.js';
import { searchResultToTransaction } from '../usaspending-api/search-result-to-transaction.js';
import type { ContractTransaction } from '../contract-transaction.js';
import { screenTransaction, type ScreenedTransaction } from './screen-transaction.js';
import type { ScreenTally } from './screen-summary.js';

/** Inputs read whole rather than scanned: FPDS ATOM feeds and saved USAspending API answers. */
export function isDocumentFile(file: string): boolean {
  return /\.(xml|atom|json)$/i.test(file);
}

function isMatcherModule(value: unknown): value is { createRecipientMatcher(watchlist: Watchlist): RecipientMatcher } {
  return typeof value === 'object' && value !== null && 'createRecipientMatcher' in value && typeof value.createRecipientMatcher === 'function';
}

async function readTransactions(file: string, tally: ScreenTally): Promise<ContractTransaction[]> {
  const text = await readFile(file, 'utf8');
  tally.bytes += Buffer.byteLength(text);
  if (/\.json$/i.test(file)) {
    const parsed = spendingByTransactionSchema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      throw new ProcurementError({ code: 'UNSUPPORTED_INPUT', message: 'not a saved spending_by_transaction answer of the USAspending API', where: file });
    }
    return parsed.data.results.map((result, index) => searchResultToTransaction(result, `file://${file}#results/${index}`));
  }
  const page = parseFpdsAtom(text, file);
  for (const skipped of page.skipped) tally.addMalformed({ file, line: skipped.line, reason: 'not-a-contract-award', detail: `an ${skipped.kind} entry` });
  return page.transactions;
}

/**
 * Screens FPDS ATOM feeds (`.xml`, `.atom`) and saved spending_by_transaction answers (`.json`)
 * with the same recipient matcher as the CSV engine, on this thread: such files are small.
 *
 * @example
 * await screenDocumentFiles({ files: ['feed.atom.xml'], watchlist, tally, onMatch });
 */
export async function screenDocumentFiles(options: {
  files: readonly string[];
  watchlist: Watchlist;
  matcherModule: string;
  tally: ScreenTally;
  onMatch: (screened: ScreenedTransaction) => void;
}): Promise<void> {
  if (options.files.length === 0) return;
  const loaded: unknown = await import(options.matcherModule);
  if (!isMatcherModule(loaded)) throw new ProcurementError({ code: 'WORKER_FAILED', message: `${options.matcherModule} does not export createRecipientMatcher` });
  const matcher = loaded.createRecipientMatcher(options.watchlist);
  for (const file of options.files) {
    options.tally.addInput(file);
    for (const transaction of await readTransactions(file, options.tally)) {
      options.tally.rows++;
      const screened = screenTransaction(transaction, matcher);
      if (screened === null) continue;
      options.tally.addMatch(screened);
      options.onMatch(screened);
    }
  }
}
