import type { Kysely } from 'kysely';
import type { ChangeReview, ChangeRow, ChangeStatus, RegistryStore } from '../../registry/registry-store.js';
import type { RegistryRecord, RecordShapes } from '../../registry/registry-record.js';
import type { RecordStatus, RecordType } from '../../registry/schemas/common.js';
import { recordTypeSchema } from '../../registry/schemas/common.js';
import type { Database } from '../schema.js';
import { foldText } from '../../registry/search/fold-text.js';
import { getRecord } from './get-record.js';
import { putRecord } from './put-record.js';

/** The registry's storage over Kysely; one instance per transaction. */
export class KyselyRegistryStore implements RegistryStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  getRecord<T extends RecordType>(type: T, key: string): Promise<RecordShapes[T] | null> {
    return getRecord(this.#db, type, key);
  }

  async existingKeys(type: RecordType, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const list = [...keys];
    const rows = await this.#keysQuery(type, list);
    return new Set(rows);
  }

  async #keysQuery(type: RecordType, keys: string[]): Promise<string[]> {
    const db = this.#db;
    switch (type) {
      case 'source': return (await db.selectFrom('sources').select('id').where('id', 'in', keys).execute()).map((r) => r.id);
      case 'organization': return (await db.selectFrom('organizations').select('id').where('id', 'in', keys).execute()).map((r) => r.id);
      case 'person': return (await db.selectFrom('people').select('id').where('id', 'in', keys).execute()).map((r) => r.id);
      case 'product': return (await db.selectFrom('products').select('id').where('id', 'in', keys).execute()).map((r) => r.id);
      case 'relationship': return (await db.selectFrom('relationships').select('id').where('id', 'in', keys).execute()).map((r) => r.id);
      case 'designation': return (await db.selectFrom('designations').select('id').where('id', 'in', keys).execute()).map((r) => r.id);
      case 'incident': return (await db.selectFrom('incidents').select('id').where('id', 'in', keys).execute()).map((r) => r.id);
      case 'contract': return (await db.selectFrom('contracts').select('piid').where('piid', 'in', keys).execute()).map((r) => r.piid);
      case 'transaction': return (await db.selectFrom('contractTransactions').select('id').where('id', 'in', keys).execute()).map((r) => r.id);
      case 'policy': return (await db.selectFrom('policies').select('id').where('id', 'in', keys).execute()).map((r) => r.id);
    }
  }

  putRecord(entry: RegistryRecord, at: string): Promise<void> {
    return putRecord(this.#db, entry, at);
  }

  async setStatus(type: RecordType, key: string, status: RecordStatus, at: string): Promise<void> {
    const db = this.#db;
    const set = { status, updatedAt: at };
    switch (type) {
      case 'source': await db.updateTable('sources').set(set).where('id', '=', key).execute(); break;
      case 'organization': await db.updateTable('organizations').set(set).where('id', '=', key).execute(); break;
      case 'person': await db.updateTable('people').set(set).where('id', '=', key).execute(); break;
      case 'product': await db.updateTable('products').set(set).where('id', '=', key).execute(); break;
      case 'relationship': await db.updateTable('relationships').set(set).where('id', '=', key).execute(); break;
      case 'designation': await db.updateTable('designations').set(set).where('id', '=', key).execute(); break;
      case 'incident': await db.updateTable('incidents').set(set).where('id', '=', key).execute(); break;
      case 'contract': await db.updateTable('contracts').set(set).where('piid', '=', key).execute(); break;
      case 'transaction': await db.updateTable('contractTransactions').set(set).where('id', '=', key).execute(); break;
      case 'policy': await db.updateTable('policies').set(set).where('id', '=', key).execute(); break;
    }
  }

  async transactionsOf(piid: string): Promise<RecordShapes['transaction'][]> {
    const rows = await this.#db.selectFrom('contractTransactions').select('id').where('piid', '=', piid).orderBy('id').execute();
    const out: RecordShapes['transaction'][] = [];
    for (const { id } of rows) {
      const t = await getRecord(this.#db, 'transaction', id);
      if (t) out.push(t);
    }
    return out;
  }

  async governmentAgencyByName(name: string): Promise<string | null> {
    const folded = foldText(name);
    if (folded === '') return null;
    const row = await this.#db
      .selectFrom('searchDocuments')
      .innerJoin('organizations', 'organizations.id', 'searchDocuments.recordId')
      .select('organizations.id')
      .where('searchDocuments.recordType', '=', 'organization')
      .where('searchDocuments.field', 'in', ['name', 'alias'])
      .where('searchDocuments.content', '=', folded)
      .where('organizations.kind', '=', 'government-agency')
      .orderBy('organizations.id')
      .executeTakeFirst();
    return row?.id ?? null;
  }

  async contractWithAwardKey(awardKey: string): Promise<string | null> {
    const row = await this.#db.selectFrom('contracts').select('piid').where('awardKey', '=', awardKey).executeTakeFirst();
    return row?.piid ?? null;
  }

  async insertChange(change: ChangeRow): Promise<void> {
    const { sealedRefs, ...row } = change;
    await this.#db.insertInto('changes').values({
      ...row,
      // What is sealed is stored only in the seal store; the row refers to it.
      recordId: sealedRefs?.recordId ? null : row.recordId,
      data: sealedRefs?.data || row.data === null ? null : JSON.stringify(row.data),
      recordIdRef: sealedRefs?.recordId ?? null,
      dataRef: sealedRefs?.data ?? null,
      reviewNoteRef: sealedRefs?.reviewNote ?? null,
    }).execute();
  }

  async getChange(id: string): Promise<ChangeRow | null> {
    const row = await this.#db.selectFrom('changes').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? (await readChanges(this.#db, [row]))[0] ?? null : null;
  }

  async completeReview(id: string, review: ChangeReview): Promise<void> {
    await this.#db.updateTable('changes').set({
      reviewedBy: review.reviewedBy, reviewedAt: review.reviewedAt, reviewNote: review.reviewNote, reviewNoteRef: review.reviewNoteRef,
      ...(review.published ? { recordId: review.published.recordId, data: JSON.stringify(review.published.data) } : {}),
    }).where('id', '=', id).execute();
  }
}

/**
 * Change rows as the registry sees them, with sealed content read from the seal store (one query
 * for the page). A shredded proposal reads as null.
 */
export async function readChanges(db: Kysely<Database>, rows: readonly Database['changes'][]): Promise<ChangeRow[]> {
  const refs = rows.flatMap((r) => [r.dataRef, r.recordIdRef, r.reviewNoteRef]).filter((ref): ref is string => ref !== null);
  const values = refs.length === 0 ? [] : await db.selectFrom('sealedValues').select(['id', 'value']).where('id', 'in', refs).execute();
  const sealed = new Map(values.map((v): [string, unknown] => [v.id, JSON.parse(v.value)]));
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  return rows.map((row) => toChangeRow(row, {
    data: row.data !== null ? JSON.parse(row.data) : row.dataRef !== null ? sealed.get(row.dataRef) ?? null : null,
    recordId: row.recordId ?? (row.recordIdRef !== null ? text(sealed.get(row.recordIdRef)) : null),
    reviewNote: row.reviewNote ?? (row.reviewNoteRef !== null ? text(sealed.get(row.reviewNoteRef)) : null),
  }));
}

const CHANGE_STATUSES: readonly ChangeStatus[] = ['pending', 'applied', 'rejected'];
const CHANGE_ACTIONS = ['upsert', 'status', 'delist'] as const;

/** A `changes` row as the registry sees it, given what its sealed references resolve to. */
function toChangeRow(row: Database['changes'], resolved: { data: unknown; recordId: string | null; reviewNote: string | null }): ChangeRow {
  const status = CHANGE_STATUSES.find((s) => s === row.status);
  const action = CHANGE_ACTIONS.find((a) => a === row.action);
  if (!status || !action) throw new Error(`change ${row.id} has an unknown status or action`);
  return {
    id: row.id, recordType: recordTypeSchema.parse(row.recordType), recordId: resolved.recordId, action, data: resolved.data, status,
    proposedBy: row.proposedBy, proposedAt: row.proposedAt, reviewedBy: row.reviewedBy, reviewedAt: row.reviewedAt, reviewNote: resolved.reviewNote,
    sealedRefs: { data: row.dataRef, recordId: row.recordIdRef, reviewNote: row.reviewNoteRef },
  };
}
