import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { loadBundledDataset } from '../../../test/support/bundled-dataset.js';
import { SYSTEM_CONTEXT } from '../../../test/support/contexts.js';
import { writeRecord } from '../../registry/commands/write-record.js';
import { searchRegistry } from './search-registry.js';

describeEachBackend('searchRegistry', (getStore, dialect) => {
  beforeAll(async () => {
    await loadBundledDataset(getStore());
  });

  it('finds both Paragon companies first for "paragon", the US subsidiary with its UEI', async () => {
    const { results } = await searchRegistry(getStore().db, dialect, { q: 'paragon' });
    // Both names start with "paragon" (an ordinary word, so the Ltd.'s exact alias "Paragon" does not jump ahead): "(" sorts before "L".
    expect(results.slice(0, 2).map((r) => r.name)).toEqual(['Paragon Solutions (US) Inc.', 'Paragon Solutions Ltd.']);
    expect(results[0]?.identifiers).toEqual({ uei: 'NW6QFTZACWM7' });
    expect(results[0]?.url).toBe('/organizations/paragon-solutions-us');
    expect(results.some((r) => r.type === 'incident')).toBe(true);
  });

  it('finds Candiru by a registered name, and says which alias matched', async () => {
    const { results } = await searchRegistry(getStore().db, dialect, { q: 'saito tech' });
    expect(results[0]).toMatchObject({ type: 'organization', id: 'candiru', name: 'Candiru', matched: { field: 'alias', text: 'Saito Tech Ltd.' } });
  });

  it('is case- and accent-insensitive and matches the last word as a prefix', async () => {
    const store = getStore();
    await store.transaction((tx) =>
      writeRecord(tx, SYSTEM_CONTEXT, { type: 'organization', record: { id: 'societe-exemple', name: 'Société Exemple Sécurité', kind: 'company', sources: ['letter-2024-10-31'], status: 'reported' } }),
    );
    for (const q of ['societe exemple', 'SOCIÉTÉ', 'exemple secu']) {
      const { results } = await searchRegistry(store.db, dialect, { q });
      expect(results.map((r) => r.id), q).toContain('societe-exemple');
    }
    const prefix = await searchRegistry(store.db, dialect, { q: 'intelle' });
    expect(prefix.results.map((r) => r.id)).toEqual(expect.arrayContaining(['intellexa-ltd', 'intellexa-sa']));
  });

  it('filters and counts facets by kind, country, designation authority and status', async () => {
    const db = getStore().db;
    const all = await searchRegistry(db, dialect, { q: 'intellexa' });
    expect(all.facets.authority['US-OFAC']).toBe(2);
    expect(all.facets.country).toMatchObject({ GR: 1, IE: 1 });
    const greek = await searchRegistry(db, dialect, { q: 'intellexa', country: 'GR' });
    expect(greek.results.map((r) => r.id)).toEqual(['intellexa-sa']);
    const sanctioned = await searchRegistry(db, dialect, { q: '', authority: 'US-OFAC', type: 'person' });
    expect(sanctioned.total).toBe(7);
    const reported = await searchRegistry(db, dialect, { q: 'partners', status: 'reported' });
    expect(reported.results.map((r) => r.id)).toEqual(['ae-industrial-partners']);
  });

  it('returns nothing, not an error, for queries with only punctuation or no match', async () => {
    const db = getStore().db;
    expect((await searchRegistry(db, dialect, { q: '"*)(' })).total).toBeGreaterThan(0); // no words: browse
    expect((await searchRegistry(db, dialect, { q: 'zzzqqq' })).results).toEqual([]);
    expect((await searchRegistry(db, dialect, { q: 'nso AND OR NEAR' })).results).toEqual([]);
  });
});

describeEachBackend('search: the issue’s done-when items on the bundled dataset', (getStore, dialect) => {
  beforeAll(async () => {
    await loadBundledDataset(getStore());
  });
  const search = (q: string) => searchRegistry(getStore().db, dialect, { q, limit: 50 });

  it('ICE finds Immigration and Customs Enforcement first; DHS, HSI, BIS and OFAC their agencies', async () => {
    expect((await search('ICE')).results[0]?.id).toBe('ice');
    expect((await search('DHS')).results[0]?.id).toBe('dhs');
    expect((await search('HSI')).results[0]?.id).toBe('ice-hsi');
    expect((await search('BIS')).results[0]?.name).toBe('Bureau of Industry and Security');
    expect((await search('OFAC')).results[0]?.name).toBe('Office of Foreign Assets Control');
  });

  it('intelexa finds Intellexa S.A.; Italy the Graphite incident; Morocco its incidents; citizen lab its reports', async () => {
    expect((await search('intelexa')).results.map((r) => r.id)).toContain('intellexa-sa');
    expect((await search('Italy')).results.map((r) => r.id)).toContain('graphite-italy-2025');
    expect((await search('Morocco')).results.map((r) => r.id)).toContain('pegasus-morocco-journalists');
    const lab = (await search('citizen lab')).results;
    expect(lab.map((r) => r.id)).toEqual(expect.arrayContaining(['citizenlab-2025-03-19', 'citizenlab-2021-07-15']));
  });

  it('pegasus finds every incident naming Pegasus; paragon finds Graphite and the ICE contract', async () => {
    const pegasusIncidents = (await getStore().db.selectFrom('incidentLinks').select('incidentId').where('linkType', '=', 'product').where('value', '=', 'pegasus').execute()).map((r) => r.incidentId);
    expect(pegasusIncidents.length).toBeGreaterThan(1);
    expect((await search('pegasus')).results.map((r) => r.id)).toEqual(expect.arrayContaining(pegasusIncidents));
    const paragon = (await search('paragon')).results.map((r) => r.id);
    expect(paragon).toEqual(expect.arrayContaining(['graphite', '70CTD024P00000012']));
  });
});
