import type { Kysely } from 'kysely';
import type { CitedSource, ExportBatch, ExportLookups, OrganizationKind, Party } from '../../../registry/export/export-batch.js';
import { recordReferences } from '../../../registry/record-references.js';
import type { RegistryRecord } from '../../../registry/registry-record.js';
import type { RecordType } from '../../../registry/schemas/common.js';
import { ORGANIZATION_KINDS } from '../../../registry/schemas/organization.js';
import type { Database } from '../../schema.js';
import { getRecord } from '../get-record.js';
import { sourceSummaries } from './lookups.js';
import { readFilteredKeysAfter } from './read-index.js';
import type { IndexCollection, IndexFilters } from '../../../registry/listing/index-query.js';

/** Records per batch: enough to keep round trips few, few enough that a batch is small. */
export const EXPORT_BATCH_SIZE = 100;

/** Keys are non-empty (slugs, PIIDs), so every key sorts after the empty string: the first page's "after". */
const BEFORE_FIRST = '';

interface KeyQuery {
  execute(): Promise<{ key: string }[]>;
}

async function keys(query: KeyQuery): Promise<string[]> {
  return (await query.execute()).map((r) => r.key);
}

/**
 * The next keys of a type after `after`, in key order: keyset pagination, so each page is an
 * index range scan however deep the export is (OFFSET would rescan every earlier row), and a
 * record written or deleted meanwhile does not shift the pages after it.
 */
function nextKeys(db: Kysely<Database>, type: RecordType, after: string, limit: number): Promise<string[]> {
  switch (type) {
    case 'source': return keys(db.selectFrom('sources').select('id as key').where('id', '>', after).orderBy('id').limit(limit));
    case 'organization': return keys(db.selectFrom('organizations').select('id as key').where('id', '>', after).orderBy('id').limit(limit));
    case 'person': return keys(db.selectFrom('people').select('id as key').where('id', '>', after).orderBy('id').limit(limit));
    case 'product': return keys(db.selectFrom('products').select('id as key').where('id', '>', after).orderBy('id').limit(limit));
    case 'relationship': return keys(db.selectFrom('relationships').select('id as key').where('id', '>', after).orderBy('id').limit(limit));
    case 'designation': return keys(db.selectFrom('designations').select('id as key').where('id', '>', after).orderBy('id').limit(limit));
    case 'incident': return keys(db.selectFrom('incidents').select('id as key').where('id', '>', after).orderBy('id').limit(limit));
    case 'contract': return keys(db.selectFrom('contracts').select('piid as key').where('piid', '>', after).orderBy('piid').limit(limit));
    case 'transaction': return keys(db.selectFrom('contractTransactions').select('id as key').where('id', '>', after).orderBy('id').limit(limit));
    case 'policy': return keys(db.selectFrom('policies').select('id as key').where('id', '>', after).orderBy('id').limit(limit));
  }
}

/** A stored record with its type; null if it went away since its key was read. */
async function entryOf(db: Kysely<Database>, type: RecordType, key: string): Promise<RegistryRecord | null> {
  switch (type) {
    case 'source': { const record = await getRecord(db, type, key); return record && { type, record }; }
    case 'organization': { const record = await getRecord(db, type, key); return record && { type, record }; }
    case 'person': { const record = await getRecord(db, type, key); return record && { type, record }; }
    case 'product': { const record = await getRecord(db, type, key); return record && { type, record }; }
    case 'relationship': { const record = await getRecord(db, type, key); return record && { type, record }; }
    case 'designation': { const record = await getRecord(db, type, key); return record && { type, record }; }
    case 'incident': { const record = await getRecord(db, type, key); return record && { type, record }; }
    case 'contract': { const record = await getRecord(db, type, key); return record && { type, record }; }
    case 'transaction': { const record = await getRecord(db, type, key); return record && { type, record }; }
    case 'policy': { const record = await getRecord(db, type, key); return record && { type, record }; }
  }
}

function organizationKind(kind: string): OrganizationKind {
  return ORGANIZATION_KINDS.find((k) => k === kind) ?? 'other';
}

/** The sources a batch cites, the parties it names, and which organisations' parent is also a recorded part-of relationship. */
async function lookupsFor(db: Kysely<Database>, records: readonly RegistryRecord[]): Promise<ExportLookups> {
  const sourceIds = new Set<string>();
  const partyIds = new Set<string>();
  for (const entry of records) {
    for (const reference of recordReferences(entry)) {
      if (reference.types.includes('source')) sourceIds.add(reference.key);
      else if (reference.types.includes('organization') || reference.types.includes('person')) partyIds.add(reference.key);
    }
  }
  const sources = new Map<string, CitedSource>(Object.values(await sourceSummaries(db, sourceIds)).map((s) => [s.id, { url: s.url, publisher: s.publisher }]));
  const parties = new Map<string, Party>();
  if (partyIds.size > 0) {
    const ids = [...partyIds];
    for (const r of await db.selectFrom('organizations').select(['id', 'kind']).where('id', 'in', ids).execute()) parties.set(r.id, { type: 'organization', kind: organizationKind(r.kind) });
    for (const r of await db.selectFrom('people').select('id').where('id', 'in', ids).execute()) parties.set(r.id, { type: 'person' });
  }
  const parents = new Map(records.flatMap((e) => (e.type === 'organization' && e.record.parent !== undefined ? [[e.record.id, e.record.parent] as const] : [])));
  const parentAlsoRelationship = new Set<string>();
  if (parents.size > 0) {
    const rows = await db.selectFrom('relationships').select(['fromId', 'toId']).where('type', '=', 'part-of').where('fromId', 'in', [...parents.keys()]).execute();
    for (const r of rows) if (parents.get(r.fromId) === r.toId) parentAlsoRelationship.add(r.fromId);
  }
  return { sources, parties, parentAlsoRelationship };
}

/**
 * Reads every record of the given types, type after type, in batches of `batchSize` in key
 * order, each with the lookups its export needs. One batch is in memory at a time, so a registry
 * of any size exports in constant memory. Pages are read one by one, not in one transaction
 * (a long transaction would hold up writers): a record changed during an export appears as it
 * was when its page was read. With `filter`, only the records an index page's filters keep (one
 * type: the plan's).
 *
 * @example
 * for await (const batch of readExportBatches(store.db, ['organization', 'person'])) console.log(batch.records.length);
 */
export async function* readExportBatches(
  db: Kysely<Database>,
  types: readonly RecordType[],
  { batchSize = EXPORT_BATCH_SIZE, filter }: { batchSize?: number; filter?: { readonly collection: IndexCollection; readonly filters: IndexFilters } | undefined } = {},
): AsyncGenerator<ExportBatch> {
  for (const type of types) {
    let after = BEFORE_FIRST;
    for (;;) {
      const page = filter ? await readFilteredKeysAfter(db, filter.collection, filter.filters, after, batchSize) : await nextKeys(db, type, after, batchSize);
      if (page.length === 0) break;
      const records: RegistryRecord[] = [];
      for (const key of page) {
        const entry = await entryOf(db, type, key);
        if (entry) records.push(entry);
      }
      yield { records, lookups: await lookupsFor(db, records) };
      const last = page[page.length - 1];
      if (last === undefined || page.length < batchSize) break;
      after = last;
    }
  }
}
