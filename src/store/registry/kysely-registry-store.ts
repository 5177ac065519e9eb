import type { Kysely } from 'kysely';
import type { ChangeRow, ChangeStatus, RegistryStore } from '../../registry/registry-store.js';
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

  async insertChange(change: ChangeRow): Promise<void> {
    await this.#db.insertInto('changes').values({ ...change, data: JSON.stringify(change.data) }).execute();
  }

  async getChange(id: string): Promise<ChangeRow | null> {
    const row = await this.#db.selectFrom('changes').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toChangeRow(row) : null;
  }

  async reviewChange(id: string, review: { status: 'applied' | 'rejected'; reviewedBy: string; reviewedAt: string; reviewNote: string | null }): Promise<void> {
    await this.#db.updateTable('changes').set(review).where('id', '=', id).execute();
  }
}

const CHANGE_STATUSES: readonly ChangeStatus[] = ['pending', 'applied', 'rejected'];
const CHANGE_ACTIONS = ['upsert', 'status', 'delist'] as const;

/** A `changes` row as the registry sees it. */
export function toChangeRow(row: Database['changes']): ChangeRow {
  const status = CHANGE_STATUSES.find((s) => s === row.status);
  const action = CHANGE_ACTIONS.find((a) => a === row.action);
  if (!status || !action) throw new Error(`change ${row.id} has an unknown status or action`);
  const data: unknown = JSON.parse(row.data);
  return { ...row, recordType: recordTypeSchema.parse(row.recordType), action, status, data };
}
