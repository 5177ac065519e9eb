import type { ContractTransaction } from '../contract-transaction.js';
import type { TextHttpClient } from '../fpds/follow-fpds-feed.js';
import { isFeedUrl } from '../fpds/is-feed-url.js';
import type { RecipientMatcher, Watchlist } from '../matching/types.js';
import { ProcurementError } from '../procurement-error.js';
import { screenTransaction, type ScreenedTransaction } from './screen-transaction.js';
import type { ScreenTally } from './screen-summary.js';

/** Inputs read whole rather than scanned: FPDS ATOM feeds (files or URLs) and saved USAspending API answers. */
export function isDocumentFile(file: string): boolean {
  return isFeedUrl(file) || /\.(xml|atom|json)$/i.test(file);
}

/** Pages read from one FPDS feed URL unless the caller says otherwise (ten entries a page). */
export const DEFAULT_MAX_FEED_PAGES = 100;

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
  /**
   * An `http(s)://` input is an FPDS feed URL: its pages are fetched with this client (default global
   * fetch) along their next-page links, at most `maxFeedPages` of them (default 100); a feed cut
   * short is reported as a skipped input naming the first unread page.
   */
  feedClient?: TextHttpClient;
  maxFeedPages?: number;
}): Promise<void> {
  if (options.files.length === 0) return;
  // Loaded only when needed: the XML and JSON readers (and zod) are no cost to a CSV-only run.
  const { readDocumentTransactions } = await import('./read-document-transactions.js');
  const loaded: unknown = await import(options.matcherModule);
  if (!isMatcherModule(loaded)) throw new ProcurementError({ code: 'WORKER_FAILED', message: `${options.matcherModule} does not export createRecipientMatcher` });
  const matcher = loaded.createRecipientMatcher(await options.watchlist);
  for (const file of options.files) {
    if (isFeedUrl(file)) {
      options.tally.addInput(file);
      await screenFeed(file, options.feedClient, options.maxFeedPages ?? DEFAULT_MAX_FEED_PAGES, options.tally, (transaction) => {
        options.tally.rows++;
        const screened = screenTransaction(transaction, matcher);
        if (screened === null) return;
        options.tally.addMatch(screened);
        options.onMatch(screened);
      });
      continue;
    }
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

async function screenFeed(url: string, client: TextHttpClient | undefined, maxPages: number, tally: ScreenTally, screen: (transaction: ContractTransaction) => void): Promise<void> {
  const { followFpdsFeed } = await import('../fpds/follow-fpds-feed.js');
  const { createFetchTextClient } = await import('../fpds/fetch-text-client.js');
  const feed = followFpdsFeed({ url, client: client ?? createFetchTextClient(), maxPages });
  for (let next = await feed.next(); ; next = await feed.next()) {
    if (next.done === true) {
      if (next.value.unread !== null) tally.skipInput(next.value.unread, `not read: the limit of ${maxPages} feed pages was reached (--max-pages)`);
      return;
    }
    const page = next.value;
    tally.bytes += page.length;
    for (const skipped of page.skipped) tally.addMalformed({ file: page.url, line: skipped.line, reason: 'not-a-contract-award', detail: `an ${skipped.kind} entry` });
    for (const transaction of page.transactions) screen(transaction);
  }
}
