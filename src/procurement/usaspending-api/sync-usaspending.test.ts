import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../core/project-root.js';
import type { Watchlist } from '../matching/types.js';
import { loadWatchlistFile } from '../screening/load-watchlist-file.js';
import { screenTransaction } from '../screening/screen-transaction.js';
import { createRecipientMatcher } from '../testing/stand-in-recipient-matcher.js';
import { createFetchHttpClient } from './json-http-client.js';
import { searchTerms, syncUsaspending } from './sync-usaspending.js';

const recorded = (name: string): string => readFileSync(join(projectRoot(), 'test', 'fixtures', 'usaspending-api', name), 'utf8');

interface Request {
  readonly url: string;
  readonly body: { filters: { recipient_search_text: string[]; time_period: unknown[]; award_type_codes: string[] }; page: number; limit: number; fields: string[]; sort: string; order: string };
}

let server: Server;
let base: string;
const requests: Request[] = [];
let failuresToSend = 0;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => resolve(text));
  });
}

beforeAll(async () => {
  // A stub of the USAspending API on the loopback interface, answering with recorded JSON.
  server = createServer(async (request, response) => {
    const body: Request['body'] = JSON.parse(await readBody(request));
    requests.push({ url: request.url ?? '', body });
    if (failuresToSend > 0) {
      failuresToSend--;
      response.writeHead(429, { 'retry-after': '0' }).end('{"detail":"Request was throttled."}');
      return;
    }
    const term = body.filters.recipient_search_text[0] ?? '';
    const paragon = term === 'Paragon Solutions (US) Inc.' || term === 'NW6QFTZACWM7';
    const file = paragon ? `spending-by-transaction-paragon-page-${body.page}.json` : 'spending-by-transaction-empty.json';
    response.writeHead(200, { 'content-type': 'application/json' }).end(recorded(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('the stub server has no port');
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function collect(watchlist: Watchlist, retries = 0) {
  const client = createFetchHttpClient({ timeoutMs: 5000, retries, backoffMs: 1 });
  const out = [];
  for await (const transaction of syncUsaspending({ since: '2024-09-01', until: '2025-09-30', watchlist, client, pageSize: 2, baseUrl: base })) out.push(transaction);
  return out;
}

describe('syncUsaspending', () => {
  it('pages through spending_by_transaction per watchlist name and UEI, filtered on last_modified_date', async () => {
    const watchlist = await loadWatchlistFile(join(projectRoot(), 'test', 'fixtures', 'watchlist.json'));
    requests.length = 0;
    const transactions = await collect(watchlist);
    const terms = searchTerms(watchlist);
    expect(terms).toContain('NW6QFTZACWM7');
    expect(terms).toContain('Saito Tech Ltd.');
    // Two pages for each of the two Paragon (US) terms, one page for every other term.
    expect(requests).toHaveLength(terms.length + 2);
    const first = requests[0]?.body;
    expect(requests[0]?.url).toBe('/api/v2/search/spending_by_transaction/');
    expect(first?.filters.award_type_codes).toEqual(['A', 'B', 'C', 'D']);
    expect(first?.filters.time_period).toEqual([{ start_date: '2024-09-01', end_date: '2025-09-30', date_type: 'last_modified_date' }]);
    expect(first).toMatchObject({ page: 1, limit: 2, sort: 'Action Date', order: 'desc' });
    expect(first?.fields).toContain('generated_internal_id');
    expect(requests.map((request) => request.body.page).filter((page) => page === 2)).toHaveLength(2);
    // The same transactions found by the name and by the UEI are yielded once.
    expect(transactions.map((transaction) => transaction.transactionKey)).toEqual([
      '7012_-NONE-_70CTD024P00000012_P00002_-NONE-_0',
      '7012_-NONE-_70CTD024P00000012_P00001_-NONE-_0',
      '7012_-NONE-_70CTD024P00000012_0_-NONE-_0',
      '7022_-NONE-_70FBR224F00000311_0_-NONE-_0',
    ]);
  });

  it('yields transactions the matcher screens into the Paragon events', async () => {
    const watchlist = await loadWatchlistFile(join(projectRoot(), 'test', 'fixtures', 'watchlist.json'));
    const matcher = createRecipientMatcher(watchlist);
    const screened = (await collect(watchlist)).map((transaction) => screenTransaction(transaction, matcher)).filter((s) => s?.match.decision === 'alert');
    expect(screened.map((s) => [s?.transaction.modification, s?.event.event, s?.match.organizationId])).toEqual([
      ['P00002', 'stop-work-lifted', 'paragon-solutions-us'],
      ['P00001', 'stop-work', 'paragon-solutions-us'],
      ['0', 'award', 'paragon-solutions-us'],
    ]);
    expect(screened[2]?.transaction).toMatchObject({ awardKey: 'CONT_AWD_70CTD024P00000012_7012_-NONE-_-NONE-', amount: 2_000_000, actionDate: '2024-09-27', agencyId: '7012' });
    expect(screened[2]?.transaction.origin).toEqual({ kind: 'url', url: `${base}/api/v2/search/spending_by_transaction/#recipient_search_text=Paragon%20Solutions%20(US)%20Inc.&page=2` });
  });

  it('retries a throttled request (429) and then goes on', async () => {
    const watchlist: Watchlist = { version: 't', entries: [{ organizationId: 'x', organizationName: 'Paragon Solutions (US) Inc.', names: [{ value: 'Paragon Solutions (US) Inc.', kind: 'primary' }], identifiers: { uei: [], duns: [], cage: [] }, related: [] }] };
    requests.length = 0;
    failuresToSend = 2;
    const transactions = await collect(watchlist, 3);
    expect(transactions).toHaveLength(4);
    expect(requests).toHaveLength(4);
  });

  it('gives up with HTTP_FAILED when the retries run out', async () => {
    const watchlist: Watchlist = { version: 't', entries: [{ organizationId: 'x', organizationName: 'A', names: [{ value: 'A', kind: 'primary' }], identifiers: { uei: [], duns: [], cage: [] }, related: [] }] };
    failuresToSend = 5;
    await expect(collect(watchlist, 1)).rejects.toMatchObject({ code: 'HTTP_FAILED' });
    failuresToSend = 0;
  });
});
