import { describe, expect, it } from 'vitest';
import { FPDS_FIXTURE_ENTRIES, fpdsFeedPage } from '../testing/fpds-feed-pages.js';
import { followFpdsFeed, type FpdsFeedEnd, type FpdsFeedPage, type TextHttpClient } from './follow-fpds-feed.js';

const entries = FPDS_FIXTURE_ENTRIES;
const feedPage = fpdsFeedPage;

function stubClient(pages: Record<string, string>): TextHttpClient & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    getText(url: string): Promise<string> {
      asked.push(url);
      const page = pages[url];
      return page === undefined ? Promise.reject(new Error(`no page ${url}`)) : Promise.resolve(page);
    },
  };
}

async function readAll(feed: AsyncGenerator<FpdsFeedPage, FpdsFeedEnd>): Promise<{ pages: FpdsFeedPage[]; end: FpdsFeedEnd }> {
  const pages: FpdsFeedPage[] = [];
  for (;;) {
    const next = await feed.next();
    if (next.done === true) return { pages, end: next.value };
    pages.push(next.value);
  }
}

const base = 'https://www.fpds.gov/ezsearch/FEEDS/ATOM?FEEDNAME=PUBLIC&q=PARAGON';

describe('followFpdsFeed', () => {
  it('follows next links page after page until the feed ends', async () => {
    expect(entries).toHaveLength(4);
    const client = stubClient({
      [base]: feedPage(entries.slice(0, 2), `${base}&start=10`),
      [`${base}&start=10`]: feedPage(entries.slice(2, 3), `${base}&start=20`),
      [`${base}&start=20`]: feedPage(entries.slice(3)),
    });
    const { pages, end } = await readAll(followFpdsFeed({ url: base, client, maxPages: 10 }));
    expect(pages.map((page) => [page.number, page.transactions.map((t) => t.modification)])).toEqual([
      [1, ['0', 'P00001']],
      [2, ['P00002']],
      [3, ['0']],
    ]);
    expect(end).toEqual({ pages: 3, unread: null });
  });

  it('stops at the page limit and names the first unread page', async () => {
    const client = stubClient({ [base]: feedPage(entries.slice(0, 1), `${base}&start=10`), [`${base}&start=10`]: feedPage(entries.slice(1, 2), `${base}&start=20`) });
    const { pages, end } = await readAll(followFpdsFeed({ url: base, client, maxPages: 2 }));
    expect(pages).toHaveLength(2);
    expect(end).toEqual({ pages: 2, unread: `${base}&start=20` });
    expect(client.asked).toHaveLength(2);
  });

  it('resolves a relative next link, and ends when a link points back to a page already read', async () => {
    const first = 'http://127.0.0.1:9/feed?page=1';
    const client = stubClient({ [first]: feedPage(entries.slice(0, 1), '/feed?page=2'), 'http://127.0.0.1:9/feed?page=2': feedPage(entries.slice(1, 2), first) });
    const { pages, end } = await readAll(followFpdsFeed({ url: first, client, maxPages: 10 }));
    expect(pages.map((page) => page.url)).toEqual([first, 'http://127.0.0.1:9/feed?page=2']);
    expect(end.unread).toBeNull();
  });

  it('refuses a next link to another site', async () => {
    const client = stubClient({ [base]: feedPage(entries.slice(0, 1), 'https://example.invalid/feed?page=2') });
    await expect(readAll(followFpdsFeed({ url: base, client, maxPages: 10 }))).rejects.toMatchObject({ code: 'UNSUPPORTED_INPUT' });
  });

  it('refuses a page limit below one', async () => {
    await expect(readAll(followFpdsFeed({ url: base, client: stubClient({}), maxPages: 0 }))).rejects.toThrow(RangeError);
  });
});
