import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../core/project-root.js';

const fixture = readFileSync(join(projectRoot(), 'test', 'fixtures', 'fpds', 'paragon-ice-70CTD024P00000012.atom.xml'), 'utf8');
const head = fixture.slice(0, fixture.indexOf('<entry>'));

/**
 * The four entries of the recorded FPDS feed fixture: the Paragon award, its stop-work order and
 * the lift, and the unrelated Paragon Systems order.
 */
export const FPDS_FIXTURE_ENTRIES: readonly string[] = fixture.match(/<entry>[\s\S]*?<\/entry>/g) ?? [];

/**
 * A feed page in the fixture's shape holding `entries`, with a `rel="next"` link when `next` is
 * given, for tests of the feed reader (stub clients, 127.0.0.1 servers).
 *
 * @example
 * const page1 = fpdsFeedPage(FPDS_FIXTURE_ENTRIES.slice(0, 2), 'http://127.0.0.1:8080/feed?page=2');
 */
export function fpdsFeedPage(entries: readonly string[], next?: string): string {
  const link = next === undefined ? '' : `<link rel="next" type="application/atom+xml" href="${next.replaceAll('&', '&amp;')}"/>\n`;
  return `${head}${link}${entries.join('\n')}\n</feed>\n`;
}
