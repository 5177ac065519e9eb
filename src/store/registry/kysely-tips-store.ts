import type { Kysely } from 'kysely';
import type { NewTip, TipRow, TipsStore } from '../../registry/tips/tips-store.js';
import type { Database } from '../schema.js';

const STATUSES: readonly TipRow['status'][] = ['pending', 'accepted', 'dismissed'];

/**
 * The tip queue over Kysely. A tip's fields are read from the seal store (one query per page);
 * a shredded field reads as null.
 */
export class KyselyTipsStore implements TipsStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insertTip(tip: NewTip): Promise<void> {
    await this.#db.insertInto('tips').values({
      id: tip.id, subjectRef: tip.refs.subject, bodyRef: tip.refs.body, sourceUrlRef: tip.refs.sourceUrl, contactRef: tip.refs.contact,
      receiptHash: tip.receiptHash, status: 'pending', submittedAt: tip.submittedAt, moderatedBy: null, moderatedAt: null, moderationNote: null,
    }).execute();
  }

  async findTip(id: string): Promise<TipRow | null> {
    const row = await this.#db.selectFrom('tips').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? ((await this.#read([row]))[0] ?? null) : null;
  }

  async findTipByReceipt(receiptHash: string): Promise<TipRow | null> {
    const row = await this.#db.selectFrom('tips').selectAll().where('receiptHash', '=', receiptHash).executeTakeFirst();
    return row ? ((await this.#read([row]))[0] ?? null) : null;
  }

  async recordModeration(id: string, moderation: Pick<TipRow, 'moderatedBy' | 'moderatedAt' | 'moderationNote'>): Promise<void> {
    await this.#db.updateTable('tips').set(moderation).where('id', '=', id).execute();
  }

  async listTips(status: TipRow['status'] | undefined, limit: number, offset: number): Promise<TipRow[]> {
    let query = this.#db.selectFrom('tips').selectAll().orderBy('submittedAt', 'desc').orderBy('id').limit(limit).offset(offset);
    if (status) query = query.where('status', '=', status);
    return this.#read(await query.execute());
  }

  async countTips(status: TipRow['status'] | undefined): Promise<number> {
    let query = this.#db.selectFrom('tips').select((eb) => eb.fn.countAll().as('n'));
    if (status) query = query.where('status', '=', status);
    const row = await query.executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async #read(rows: readonly Database['tips'][]): Promise<TipRow[]> {
    const refs = rows.flatMap((r) => [r.subjectRef, r.bodyRef, r.sourceUrlRef, r.contactRef]).filter((ref): ref is string => ref !== null);
    const values = refs.length === 0 ? [] : await this.#db.selectFrom('sealedValues').select(['id', 'value']).where('id', 'in', refs).execute();
    const sealed = new Map(values.map((v): [string, unknown] => [v.id, JSON.parse(v.value)]));
    const text = (ref: string | null): string | null => {
      const value = ref === null ? null : sealed.get(ref);
      return typeof value === 'string' ? value : null;
    };
    return rows.map((row) => {
      const status = STATUSES.find((s) => s === row.status);
      if (!status) throw new Error(`tip ${row.id} has an unknown status "${row.status}"`);
      return {
        id: row.id, subject: text(row.subjectRef), body: text(row.bodyRef), sourceUrl: text(row.sourceUrlRef), contact: text(row.contactRef),
        status, submittedAt: row.submittedAt, moderatedBy: row.moderatedBy, moderatedAt: row.moderatedAt, moderationNote: row.moderationNote,
      };
    });
  }
}
