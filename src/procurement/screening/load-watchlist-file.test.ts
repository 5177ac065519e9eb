import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadWatchlistFile, parseWatchlist } from './load-watchlist-file.js';

const ENTRY = {
  organizationId: 'intellexa',
  organizationName: 'Intellexa S.A.',
  names: [{ value: 'Intellexa S.A.', kind: 'primary' }, { value: 'Intellexa', kind: 'alias' }],
  identifiers: { uei: [], duns: [], cage: [] },
  related: [{ organizationId: 'cytrox', organizationName: 'Cytrox AD', relation: 'affiliate-of' }],
};

const dir = mkdtempSync(join(tmpdir(), 'countersign-watchlist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(contents: string): string {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, contents);
  return path;
}

describe('loadWatchlistFile', () => {
  it('reads a watchlist, leaving out fields it does not know', async () => {
    const watchlist = await loadWatchlistFile(file(JSON.stringify({ version: 'v1', extra: true, entries: [{ ...ENTRY, note: 'x' }] })));
    expect(watchlist).toEqual({ version: 'v1', entries: [ENTRY] });
  });

  it('refuses a bad watchlist naming the place and what is wrong there', async () => {
    const bad: [unknown, string][] = [
      [[], '(watchlist): expected an object'],
      [{ entries: [] }, 'version: expected a string'],
      [{ version: 'v', entries: {} }, 'entries: expected an array'],
      [{ version: 'v', entries: [{ ...ENTRY, organizationId: '' }] }, 'entries.0.organizationId: must not be empty'],
      [{ version: 'v', entries: [ENTRY, { ...ENTRY, names: [{ value: 'X', kind: 'nickname' }] }] }, 'entries.1.names.0.kind: expected one of primary, alias, former'],
      [{ version: 'v', entries: [{ ...ENTRY, names: [{ kind: 'alias' }] }] }, 'entries.0.names.0.value: expected a string'],
      [{ version: 'v', entries: [{ ...ENTRY, identifiers: { uei: ['A'], duns: [7], cage: [] } }] }, 'entries.0.identifiers.duns.0: expected a string'],
      [{ version: 'v', entries: [{ ...ENTRY, identifiers: { uei: [], duns: [] } }] }, 'entries.0.identifiers.cage: expected an array'],
      [{ version: 'v', entries: [{ ...ENTRY, related: [{ organizationId: 'a', organizationName: 'A' }] }] }, 'entries.0.related.0.relation: expected a string'],
    ];
    for (const [json, message] of bad) {
      expect(() => parseWatchlist(json)).toThrow(message);
      await expect(loadWatchlistFile(file(JSON.stringify(json)))).rejects.toMatchObject({ code: 'BAD_WATCHLIST', message: `not a watchlist: ${message}` });
    }
  });

  it('refuses a file that is not JSON, or not there', async () => {
    await expect(loadWatchlistFile(file('{"version": '))).rejects.toMatchObject({ code: 'BAD_WATCHLIST', message: expect.stringMatching(/^cannot read the watchlist: SyntaxError/) });
    await expect(loadWatchlistFile(join(dir, 'missing.json'))).rejects.toMatchObject({ code: 'BAD_WATCHLIST' });
  });
});
