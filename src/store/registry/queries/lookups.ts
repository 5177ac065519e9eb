import type { Kysely } from 'kysely';
import type { ChangeRow } from '../../../registry/registry-store.js';
import type { RecordRef, SourceSummary } from '../../../registry/views.js';
import type { RecordType } from '../../../registry/schemas/common.js';
import type { Database } from '../../schema.js';
import { readChanges } from '../kysely-registry-store.js';

/** Display names of organisations and people (the two kinds of party), by id. */
export async function partyRefs(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, RecordRef>> {
  const out = new Map<string, RecordRef>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return out;
  for (const r of await db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', unique).execute()) out.set(r.id, { type: 'organization', id: r.id, name: r.name });
  for (const r of await db.selectFrom('people').select(['id', 'name']).where('id', 'in', unique).execute()) out.set(r.id, { type: 'person', id: r.id, name: r.name });
  return out;
}

export async function productRefs(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, RecordRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('products').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, { type: 'product', id: r.id, name: r.name }]));
}

/** Summaries of the given sources, keyed by id. */
export async function sourceSummaries(db: Kysely<Database>, ids: Iterable<string>): Promise<Record<string, SourceSummary>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return {};
  const rows = await db.selectFrom('sources').select(['id', 'title', 'publisher', 'date', 'url', 'sha256']).where('id', 'in', unique).orderBy('id').execute();
  return Object.fromEntries(rows.map((r) => [r.id, r]));
}

/** A record's applied changes, newest first: its public history. */
export async function historyOf(db: Kysely<Database>, type: RecordType, id: string): Promise<ChangeRow[]> {
  const rows = await db.selectFrom('changes').selectAll().where('recordType', '=', type).where('recordId', '=', id).where('status', '=', 'applied').orderBy('reviewedAt', 'desc').execute();
  return readChanges(db, rows);
}
