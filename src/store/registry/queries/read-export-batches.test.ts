import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../../../test/support/test-store.js';
import { loadBundledDataset } from '../../../../test/support/bundled-dataset.js';
import type { ExportBatch } from '../../../registry/export/export-batch.js';
import { readExportBatches } from './read-export-batches.js';

/** The sizes batches of `size` cut `total` records into: [5, 5, 2] for 12 in fives. */
function batchSizes(total: number, size: number): number[] {
  return Array.from({ length: Math.ceil(total / size) }, (_, i) => Math.min(size, total - i * size));
}

async function collect(batches: AsyncIterable<ExportBatch>): Promise<ExportBatch[]> {
  const out: ExportBatch[] = [];
  for await (const batch of batches) out.push(batch);
  return out;
}

describeEachBackend('readExportBatches', (getStore) => {
  beforeAll(async () => {
    await loadBundledDataset(getStore());
  });

  it('reads every record of each type once, in key order, never more than a batch at a time', async () => {
    const db = getStore().db;
    const count = async (table: 'designations' | 'people') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const [designationCount, personCount] = [await count('designations'), await count('people')];
    const batches = await collect(readExportBatches(db, ['designation', 'person'], { batchSize: 5 }));
    expect(batches.map((b) => b.records.length)).toEqual([...batchSizes(designationCount, 5), ...batchSizes(personCount, 5)]);
    const keys = batches.flatMap((b) => b.records.map((r) => `${r.type}:${r.type === 'contract' ? r.record.piid : r.record.id}`));
    expect(new Set(keys).size).toBe(designationCount + personCount);
    const designations = keys.filter((k) => k.startsWith('designation:'));
    expect(designations).toEqual([...designations].sort());
  });

  it('handles batches of one and a type that fills its last batch exactly', async () => {
    expect(await collect(readExportBatches(getStore().db, ['contract'], { batchSize: 1 }))).toMatchObject([{ records: [{ type: 'contract' }] }]);
    const people = Number((await getStore().db.selectFrom('people').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect((await collect(readExportBatches(getStore().db, ['person'], { batchSize: people }))).map((b) => b.records.length)).toEqual([people]);
  });

  it('loads with each batch the sources it cites and the parties it names, and nothing else', async () => {
    const [batch] = await collect(readExportBatches(getStore().db, ['relationship'], { batchSize: 100 }));
    const parties = batch?.lookups.parties;
    expect(parties?.get('ae-industrial-partners')).toEqual({ type: 'organization', kind: 'investor' });
    expect(parties?.get('ice')).toEqual({ type: 'organization', kind: 'government-agency' });
    // Only the parties the batch's relationships name: a person no relationship names is not loaded.
    const named = new Set(batch?.records.flatMap((r) => (r.type === 'relationship' ? [r.record.from, r.record.to] : [])));
    expect([...(parties?.keys() ?? [])].filter((id) => !named.has(id))).toEqual([]);
    expect([...named].sort()).toEqual([...(parties?.keys() ?? [])].sort());
    expect(batch?.lookups.sources.get('commerce-2021-11-03')).toBeUndefined();
    expect(batch?.lookups.sources.get('treasury-2024-03-05')).toMatchObject({ publisher: 'U.S. Department of the Treasury' });
    const [people] = await collect(readExportBatches(getStore().db, ['designation'], { batchSize: 100 }));
    expect(people?.lookups.parties.get('tal-dilian')).toEqual({ type: 'person' });
  });

  it('knows which organisations\' parent is also recorded as a part-of relationship', async () => {
    const [batch] = await collect(readExportBatches(getStore().db, ['organization'], { batchSize: 100 }));
    expect([...(batch?.lookups.parentAlsoRelationship ?? [])].sort()).toEqual(['ice', 'ice-hsi']);
  });
});
