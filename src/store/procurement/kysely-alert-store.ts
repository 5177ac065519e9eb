import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Alert, AlertFilters, AlertStatus, AlertStore } from '../../procurement/alerts/alert.js';
import type { ContractTransaction } from '../../procurement/contract-transaction.js';
import { PROCUREMENT_EVENTS } from '../../procurement/events/classify-event.js';
import type { Database } from '../schema.js';

const rowSchema = z.object({
  event: z.enum(PROCUREMENT_EVENTS),
  decision: z.enum(['alert', 'review']),
  status: z.enum(['raised', 'pending', 'confirmed', 'dismissed']),
  reasons: z.array(z.string()),
});

function toAlert(row: Database['alerts']): Alert {
  const parsed = rowSchema.parse({ event: row.event, decision: row.decision, status: row.status, reasons: JSON.parse(row.reasons) });
  // Written by this class from a ContractTransaction; read back as one.
  const transaction = JSON.parse(row.transaction) as ContractTransaction;
  return { ...row, ...parsed, amount: Number(row.amount), score: Number(row.score), transaction };
}

/** Alerts over Kysely. */
export class KyselyAlertStore implements AlertStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async findByTransactionKey(transactionKey: string): Promise<Alert | null> {
    const row = await this.#db.selectFrom('alerts').selectAll().where('transactionKey', '=', transactionKey).executeTakeFirst();
    return row ? toAlert(row) : null;
  }

  async get(id: string): Promise<Alert | null> {
    const row = await this.#db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toAlert(row) : null;
  }

  async insert(alert: Alert): Promise<void> {
    await this.#db.insertInto('alerts').values({ ...alert, reasons: JSON.stringify(alert.reasons), transaction: JSON.stringify(alert.transaction) }).execute();
  }

  async review(id: string, patch: { status: AlertStatus; reviewedBy: string | null; reviewedAt: string | null; reviewNote: string | null }): Promise<void> {
    await this.#db.updateTable('alerts').set(patch).where('id', '=', id).execute();
  }

  async list(filters: AlertFilters, limit: number, offset: number): Promise<{ items: Alert[]; total: number }> {
    let query = this.#db.selectFrom('alerts');
    if (filters.status) query = query.where('status', '=', filters.status);
    if (filters.decision) query = query.where('decision', '=', filters.decision);
    if (filters.organizationId) query = query.where('organizationId', '=', filters.organizationId);
    const rows = await query.selectAll().orderBy('createdAt', 'desc').orderBy('actionDate', 'desc').orderBy('id').limit(limit).offset(offset).execute();
    const total = Number((await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
    return { items: rows.map(toAlert), total };
  }
}
