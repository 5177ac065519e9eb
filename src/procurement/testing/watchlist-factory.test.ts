import { describe, expect, it } from 'vitest';
import { createRecipientMatcher } from '../matching/recipient-matcher.js';
import type { RecipientFields, Watchlist } from '../matching/types.js';
import { syntheticVendorEntries, syntheticWatchlist } from './watchlist-factory.js';

const blank: RecipientFields = { uei: '', duns: '', cage: '', parentUei: '', parentDuns: '', name: '', nameRaw: '', doingBusinessAs: '', parentName: '', parentNameRaw: '' };
const base: Watchlist = {
  version: 'base',
  entries: [{ organizationId: 'nso-group', organizationName: 'NSO Group Technologies Ltd.', names: [], identifiers: { uei: [], duns: [], cage: [] }, related: [] }],
};

describe('syntheticWatchlist', () => {
  it('is deterministic, of the size asked, and a larger list starts with the smaller one', () => {
    const small = syntheticWatchlist(base, 100);
    const large = syntheticWatchlist(base, 1000);
    expect(small.entries).toHaveLength(100);
    expect(large.entries).toHaveLength(1000);
    expect(syntheticWatchlist(base, 100)).toEqual(small);
    expect(large.entries.slice(0, 100)).toEqual(small.entries);
    expect(large.entries[0]?.organizationId).toBe('nso-group');
    expect(new Set(large.entries.map((entry) => entry.organizationId)).size).toBe(1000);
  });

  it('gives vendors legal forms, aliases, former names, identifiers and parents', () => {
    const entries = syntheticVendorEntries(1000);
    expect(entries.filter((entry) => entry.names.some((name) => name.kind === 'alias')).length).toBeGreaterThan(300);
    expect(entries.filter((entry) => entry.names.some((name) => name.kind === 'former')).length).toBeGreaterThan(150);
    expect(entries.filter((entry) => entry.identifiers.uei.length > 0).length).toBeGreaterThan(100);
    expect(entries.filter((entry) => entry.related.length > 0).length).toBeGreaterThan(50);
    expect(entries.filter((entry) => / (Ltd\.|GmbH|S\.A\.|Pte\. Ltd\.|LLC)$/.test(entry.organizationName)).length).toBeGreaterThan(200);
    expect(new Set(entries.map((entry) => entry.organizationName)).size).toBeGreaterThan(990);
  });

  it('builds names the real matcher alerts on when written exactly', () => {
    const watchlist = syntheticWatchlist(base, 300);
    const matcher = createRecipientMatcher(watchlist);
    for (const entry of watchlist.entries.slice(1, 40)) {
      const name = entry.organizationName.toUpperCase();
      expect(matcher.match({ ...blank, name })?.decision, name).toBe('alert');
    }
  });
});
