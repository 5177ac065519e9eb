/**
 * Whether an input names a feed on the web rather than a file (kept apart from the feed reader so
 * that telling inputs apart loads no XML parser).
 *
 * @example
 * isFeedUrl('https://www.fpds.gov/ezsearch/FEEDS/ATOM?FEEDNAME=PUBLIC&q=PIID:70CTD024P00000012'); // true
 */
export function isFeedUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}
