import { beforeAll, expect, it } from 'vitest';
import { RegistryFactory } from '../../../test/support/registry-factory.js';
import { givenRecords } from '../../../test/support/registry-factories.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { searchRegistry } from './search-registry.js';

describeEachBackend('search: acronyms, spellings, countries, related records, sources', (getStore, dialect) => {
  const ids: Record<string, string> = {};
  const search = (q: string) => searchRegistry(getStore().db, dialect, { q, limit: 50 });
  beforeAll(async () => {
    const data = new RegistryFactory('srch');
    ids['agency'] = data.organization({ name: 'Bureau of Watching Things', kind: 'government-agency', country: 'US', aliases: ['BOWT'] });
    // Names that start with the acronym: an exact alias must still come first.
    ids['lookalike'] = data.organization({ name: 'Bowtie Surveillance Ltd.', country: 'GB' });
    ids['vendor'] = data.organization({ name: 'Quaxitron Systems S.A.', country: 'GR' });
    ids['cyrillic'] = data.organization({ name: 'ООО «Байкал Системы»', country: 'RU' });
    ids['product'] = data.product(ids['vendor'], { name: 'Nightjar', capabilities: [] });
    ids['incident-a'] = data.incident({ title: 'Phones of reporters infected', countries: ['IT'], products: [ids['product']] });
    ids['incident-b'] = data.incident({ title: 'Lawyers targeted', countries: ['MA'], products: [ids['product']] });
    ids['unrelated'] = data.incident({ title: 'Something else entirely', countries: ['FR'] });
    data.contract({ piid: 'SRCH24P00000001', buyer: ids['agency'], recipient: ids['vendor'], recipientUei: 'QX7HNPZ4KL2M' });
    await data.load(getStore());
    await givenRecords(getStore(), { sources: [{ id: 'srch-watchdog-report', title: 'A first look at Nightjar', publisher: 'The Watchdog Lab, University of Somewhere', date: '2024-01-01' }] });
  });

  it('puts the record whose alias is exactly the query first, above names that start with it', async () => {
    const { results } = await search('BOWT');
    expect(results[0]).toMatchObject({ id: ids['agency'], matched: { field: 'alias', text: 'BOWT', rank: 1 } });
    expect((await search('bowt')).results.map((r) => r.id)).toContain(ids['lookalike']);
  });

  it('keeps an ordinary word that is exactly an alias behind names that start with it (only acronyms jump ahead)', async () => {
    const data = new RegistryFactory('srch-word');
    const aliased = data.organization({ name: 'Zyqworth Holdings Ltd.', country: 'GB', aliases: ['Zyqwo'] });
    const longAlias = data.organization({ name: 'Marvelline Group', country: 'GB', aliases: ['Zyqworthian'] });
    const named = data.organization({ name: 'Zyqworthian (US) Inc.', country: 'US' });
    await data.load(getStore());
    expect((await search('ZYQWO')).results[0]?.id).toBe(aliased);
    const ranked = (await search('zyqworthian')).results.map((r) => r.id);
    expect(ranked.indexOf(named)).toBeLessThan(ranked.indexOf(longAlias));
    expect(ranked).toContain(longAlias);
  });

  it('reads a distinctive word one letter off as its near spelling, and says so', async () => {
    const response = await search('quaxitorn');
    expect(response.results[0]?.id).toBe(ids['vendor']);
    expect(response.corrected).toEqual([{ word: 'quaxitorn', read: ['quaxitron'] }]);
    const missing = await search('quaxitronsystems');
    expect(missing.results).toEqual([]);
    // Short words are never corrected: "bowz" is not BOWT.
    expect((await search('bowz')).results).toEqual([]);
  });

  it('finds records by the names of countries in several languages, not only their codes', async () => {
    for (const q of ['Italy', 'italia', 'Italien']) {
      const { results } = await search(q);
      expect(results.map((r) => r.id), q).toEqual([ids['incident-a']]);
      expect(results[0]?.matched).toMatchObject({ field: 'country', text: 'Italy' });
    }
    expect((await search('Marokko')).results.map((r) => r.id)).toEqual([ids['incident-b']]);
    expect((await search('Ελλάδα')).results.map((r) => r.id)).toEqual([ids['vendor']]);
  });

  it('finds a product’s incidents and a vendor’s products, incidents and contracts, saying through what', async () => {
    const product = await search('nightjar');
    expect(product.results[0]?.id).toBe(ids['product']);
    expect(product.results.filter((r) => r.type === 'incident').map((r) => r.id).sort()).toEqual([ids['incident-a'], ids['incident-b']].sort());
    expect(product.results.find((r) => r.id === ids['incident-a'])?.matched).toMatchObject({ field: 'related', text: 'product Nightjar' });
    const vendor = await search('quaxitron');
    const found = vendor.results.map((r) => r.id);
    expect(found).toEqual(expect.arrayContaining([ids['vendor'], ids['product'], ids['incident-a'], 'SRCH24P00000001']));
    expect(found).not.toContain(ids['unrelated']);
    expect(vendor.results.find((r) => r.type === 'contract')?.matched).toMatchObject({ field: 'related', text: 'recipient Quaxitron Systems S.A.' });
    const buyer = await search('bowt');
    expect(buyer.results.find((r) => r.type === 'contract')?.matched).toMatchObject({ field: 'related', text: 'buyer Bureau of Watching Things' });
  });

  it('finds contracts by PIID and by the recipient’s UEI', async () => {
    expect((await search('SRCH24P00000001')).results[0]).toMatchObject({ type: 'contract', id: 'SRCH24P00000001' });
    expect((await search('QX7HNPZ4KL2M')).results.map((r) => r.id)).toContain('SRCH24P00000001');
  });

  it('finds sources by title and publisher, after the records they document', async () => {
    const lab = await search('watchdog lab');
    expect(lab.results.map((r) => r.id)).toEqual(['srch-watchdog-report']);
    expect(lab.results[0]).toMatchObject({ type: 'source', url: '/sources/srch-watchdog-report' });
    const nightjar = await search('nightjar');
    const ranks = nightjar.results.map((r) => r.type);
    expect(ranks.indexOf('source')).toBeGreaterThan(ranks.indexOf('product'));
  });

  it('folds Cyrillic as the screening matcher does', async () => {
    expect((await search('Байкал')).results.map((r) => r.id)).toEqual([ids['cyrillic']]);
    expect((await search('baykal sistemy')).results.map((r) => r.id)).toEqual([ids['cyrillic']]);
  });
});
