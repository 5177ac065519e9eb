import type { ContractTransaction } from '../contract-transaction.js';
import type { Watchlist } from '../matching/types.js';
import { ProcurementError } from '../procurement-error.js';
import { spendingByTransactionSchema } from './api-responses.js';
import type { JsonHttpClient } from './json-http-client.js';
import { searchResultToTransaction } from './search-result-to-transaction.js';

export const USASPENDING_API = 'https://api.usaspending.gov';
const SEARCH_PATH = '/api/v2/search/spending_by_transaction/';

/** The fields the sync asks for (names as in the API's FieldNameObject). */
export const SEARCH_FIELDS = [
  'Award ID',
  'Mod',
  'Recipient Name',
  'Recipient UEI',
  'Action Date',
  'Transaction Amount',
  'Transaction Description',
  'Action Type',
  'Awarding Agency',
  'Awarding Sub Agency',
  'Funding Agency',
  'Funding Sub Agency',
  'Award Type',
  'internal_id',
  'generated_internal_id',
  'awarding_agency_id',
] as const;

export interface SyncOptions {
  /** YYYY-MM-DD: transactions modified on or after this day. */
  readonly since: string;
  /** YYYY-MM-DD, default today. */
  readonly until?: string;
  readonly watchlist: Watchlist;
  readonly client: JsonHttpClient;
  /** Results per page (the API allows up to 100). Default 100. */
  readonly pageSize?: number;
  readonly baseUrl?: string;
  /** A safety stop per search term. Default 1,000 pages. */
  readonly maxPages?: number;
}

/** One search term per watchlist name and UEI: what `recipient_search_text` matches on. */
export function searchTerms(watchlist: Watchlist): string[] {
  const terms = new Set<string>();
  for (const entry of watchlist.entries) {
    for (const name of entry.names) if (name.value.trim() !== '') terms.add(name.value.trim());
    for (const uei of entry.identifiers.uei) terms.add(uei.trim().toUpperCase());
  }
  return [...terms];
}

/**
 * Pages through USAspending's transaction search for contract transactions (award types A–D)
 * whose `last_modified_date` falls in [since, until], once per watchlist name and UEI, and yields
 * each transaction once (the same one found by two terms is yielded the first time). The caller
 * screens them with the recipient matcher; nothing is stored here.
 *
 * @example
 * for await (const transaction of syncUsaspending({ since: '2025-01-01', watchlist, client: createFetchHttpClient() })) {
 *   const screened = screenTransaction(transaction, matcher);
 * }
 */
export async function* syncUsaspending(options: SyncOptions): AsyncGenerator<ContractTransaction> {
  const url = `${options.baseUrl ?? USASPENDING_API}${SEARCH_PATH}`;
  const until = options.until ?? new Date().toISOString().slice(0, 10);
  const limit = options.pageSize ?? 100;
  const maxPages = options.maxPages ?? 1000;
  const seen = new Set<string>();
  for (const term of searchTerms(options.watchlist)) {
    for (let page = 1; page <= maxPages; page++) {
      const body = {
        filters: {
          award_type_codes: ['A', 'B', 'C', 'D'],
          time_period: [{ start_date: options.since, end_date: until, date_type: 'last_modified_date' }],
          recipient_search_text: [term],
        },
        fields: SEARCH_FIELDS,
        page,
        limit,
        sort: 'Action Date',
        order: 'desc',
      };
      const parsed = spendingByTransactionSchema.safeParse(await options.client.postJson(url, body));
      if (!parsed.success) {
        throw new ProcurementError({ code: 'BAD_API_RESPONSE', message: `unexpected spending_by_transaction answer: ${parsed.error.message}`, where: `${url} page ${page}` });
      }
      for (const result of parsed.data.results) {
        const transaction = searchResultToTransaction(result, `${url}#recipient_search_text=${encodeURIComponent(term)}&page=${page}`);
        if (seen.has(transaction.transactionKey)) continue;
        seen.add(transaction.transactionKey);
        yield transaction;
      }
      if (!parsed.data.page_metadata.hasNext || parsed.data.results.length === 0) break;
    }
  }
}
