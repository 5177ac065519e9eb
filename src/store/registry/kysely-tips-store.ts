import type { Kysely } from 'kysely';
import type { TipRow, TipsStore } from '../../registry/tips/tips-store.js';
import type { Database } from '../schema.js';

const STATUSES: readonly TipRow['status'][] = ['pending', 'accepted', 'dismissed'];

function toTip(row: Database['tips']): TipRow {
  const status = STATUSES.find((s) => s === row.status);
  if (!status) throw new Error(`tip ${row.id} has an unknown status`);
  return { ...row, status };
}

/** The tip queue over Kysely. */
export class KyselyTipsStore implements TipsStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insertTip(tip: TipRow): Promise<void> {
    await this.#db.insertInto('tips').values(tip).execute();
  }

  async findTip(id: string): Promise<TipRow | null> {
    const row = await this.#db.selectFrom('tips').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toTip(row) : null;
  }

  async updateTip(id: string, patch: Pick<TipRow, 'status' | 'moderatedBy' | 'moderatedAt' | 'moderationNote'>): Promise<void> {
    await this.#db.updateTable('tips').set(patch).where('id', '=', id).execute();
  }

  async listTips(status: TipRow['status'] | undefined, limit: number, offset: number): Promise<TipRow[]> {
    let query = this.#db.selectFrom('tips').selectAll().orderBy('submittedAt', 'desc').limit(limit).offset(offset);
    if (status) query = query.where('status', '=', status);
    return (await query.execute()).map(toTip);
  }

  async countTips(status: TipRow['status'] | undefined): Promise<number> {
    let query = this.#db.selectFrom('tips').select((eb) => eb.fn.countAll().as('n'));
    if (status) query = query.where('status', '=', status);
    return Number((await query.executeTakeFirst())?.n ?? 0);
  }
}
