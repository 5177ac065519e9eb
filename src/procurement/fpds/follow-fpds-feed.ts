import { ProcurementError } from '../procurement-error.js';
import { parseFpdsAtom, type FpdsAtomPage } from './parse-fpds-atom.js';

/** The slice of HTTP the feed reader needs; tests plug in a stub or a 127.0.0.1 server. */
export interface TextHttpClient {
  getText(url: string): Promise<string>;
}

/** One page of a feed, as read. */
export interface FpdsFeedPage extends FpdsAtomPage {
  readonly url: string;
  /** 1 for the first page. */
  readonly number: number;
  /** Characters of XML read. */
  readonly length: number;
}

/** How reading a feed ended. */
export interface FpdsFeedEnd {
  readonly pages: number;
  /** The next page's URL when the page limit stopped the reading; null when the feed ended. */
  readonly unread: string | null;
}

/**
 * Reads an FPDS-NG ATOM feed page by page, following each page's `rel="next"` link (FPDS serves
 * ten entries a page), for at most `maxPages` pages. A next link is resolved against its page and
 * must stay on the first page's origin (a feed never sends a reader elsewhere, and a reader inside
 * a server must not be sent elsewhere); a link back to a page already read ends the feed.
 *
 * @example
 * const feed = followFpdsFeed({ url, client, maxPages: 50 });
 * for (let next = await feed.next(); !next.done; next = await feed.next()) screen(next.value.transactions);
 */
export async function* followFpdsFeed(options: { url: string; client: TextHttpClient; maxPages: number }): AsyncGenerator<FpdsFeedPage, FpdsFeedEnd> {
  if (!Number.isInteger(options.maxPages) || options.maxPages < 1) throw new RangeError(`maxPages must be a positive integer, not ${options.maxPages}`);
  const origin = new URL(options.url).origin;
  const seen = new Set<string>();
  let url: string | null = options.url;
  let number = 0;
  while (url !== null) {
    if (number === options.maxPages) return { pages: number, unread: url };
    seen.add(url);
    number++;
    const xml = await options.client.getText(url);
    const page = parseFpdsAtom(xml, url);
    yield { ...page, url, number, length: xml.length };
    url = nextPageUrl(page.next, url, origin, seen);
  }
  return { pages: number, unread: null };
}

function nextPageUrl(next: string | null, from: string, origin: string, seen: ReadonlySet<string>): string | null {
  if (next === null) return null;
  let resolved: URL;
  try {
    resolved = new URL(next, from);
  } catch (error) {
    throw new ProcurementError({ code: 'BAD_XML', message: `the next-page link "${next}" is not a URL`, where: from, cause: error });
  }
  if (resolved.origin !== origin) {
    throw new ProcurementError({ code: 'UNSUPPORTED_INPUT', message: `the next-page link leaves the feed's site (${origin}): ${resolved.href}`, where: from });
  }
  return seen.has(resolved.href) ? null : resolved.href;
}
