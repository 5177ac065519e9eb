import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Alert, AlertAnnotation, AlertDetails, AlertFilters, AlertRetraction, AlertStore } from '../../procurement/alerts/alert.js';
import { contractTransactionSchema } from '../../procurement/alerts/alert-event-data.js';
import { PROCUREMENT_EVENTS } from '../../procurement/events/classify-event.js';
import type { Database } from '../schema.js';

const statusSchema = z.enum(['raised', 'pending', 'confirmed', 'dismissed', 'retracted']);
const decisionSchema = z.enum(['alert', 'review']);
const detailsSchema = z.object({
  awardKey: z.string(), piid: z.string(), modification: z.string(), actionDate: z.string(), amount: z.number(),
  organizationId: z.string(), organizationName: z.string(), event: z.enum(PROCUREMENT_EVENTS), score: z.number(),
  reasons: z.array(z.string()), transaction: contractTransactionSchema, origin: z.string(), watchlistVersion: z.string(),
});

/** The details of a row: its public columns, or (sealed) the seal-store value; null once shredded. */
function detailsOfRow(row: Database['alerts'], sealed: ReadonlyMap<string, unknown>): AlertDetails | null {
  if (row.detailsRef !== null && row.piid === null) {
    const value = sealed.get(row.detailsRef);
    return value === undefined ? null : detailsSchema.parse(value);
  }
  return detailsSchema.parse({
    awardKey: row.awardKey, piid: row.piid, modification: row.modification, actionDate: row.actionDate, amount: row.amount === null ? null : Number(row.amount),
    organizationId: row.organizationId, organizationName: row.organizationName, event: row.event, score: row.score === null ? null : Number(row.score),
    reasons: row.reasons === null ? null : JSON.parse(row.reasons), transaction: row.transaction === null ? null : JSON.parse(row.transaction), origin: row.origin, watchlistVersion: row.watchlistVersion,
  });
}

function publicColumns(alert: Alert) {
  return {
    awardKey: alert.awardKey, piid: alert.piid, modification: alert.modification, actionDate: alert.actionDate, amount: alert.amount,
    organizationId: alert.organizationId, organizationName: alert.organizationName, event: alert.event, score: alert.score,
    reasons: JSON.stringify(alert.reasons), transaction: JSON.stringify(alert.transaction), origin: alert.origin, watchlistVersion: alert.watchlistVersion,
  };
}

function retractionOf(row: Database['alerts']): AlertRetraction | null {
  return row.retractedAt !== null && row.retractedBy !== null && row.retractionReason !== null ? { retractedAt: row.retractedAt, retractedBy: row.retractedBy, reason: row.retractionReason } : null;
}

/** Reads alert rows, resolving sealed details in one query; a review item whose details were shredded is left out. */
export async function readAlerts(db: Kysely<Database>, rows: readonly Database['alerts'][]): Promise<Alert[]> {
  const refs = rows.filter((r) => r.piid === null && r.detailsRef !== null).map((r) => r.detailsRef).filter((ref): ref is string => ref !== null);
  const values = refs.length === 0 ? [] : await db.selectFrom('sealedValues').select(['id', 'value']).where('id', 'in', refs).execute();
  const sealed = new Map(values.map((v): [string, unknown] => [v.id, JSON.parse(v.value)]));
  const alerts: Alert[] = [];
  for (const row of rows) {
    const details = detailsOfRow(row, sealed);
    if (details === null) continue;
    alerts.push({ ...details, id: row.id, transactionKey: row.transactionKey, status: statusSchema.parse(row.status), decision: decisionSchema.parse(row.decision), createdAt: row.createdAt, reviewedBy: row.reviewedBy, reviewedAt: row.reviewedAt, reviewNote: row.reviewNote, retraction: retractionOf(row) });
  }
  return alerts;
}

/** Alerts over Kysely. */
export class KyselyAlertStore implements AlertStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async existsForTransaction(transactionKey: string): Promise<boolean> {
    return (await this.#db.selectFrom('alerts').select('id').where('transactionKey', '=', transactionKey).executeTakeFirst()) !== undefined;
  }

  async get(id: string): Promise<Alert | null> {
    const row = await this.#db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? ((await readAlerts(this.#db, [row]))[0] ?? null) : null;
  }

  async insertPublic(alert: Alert): Promise<void> {
    await this.#db.insertInto('alerts').values({
      id: alert.id, transactionKey: alert.transactionKey, status: alert.status, decision: alert.decision, detailsRef: null, createdAt: alert.createdAt,
      reviewedBy: alert.reviewedBy, reviewedAt: alert.reviewedAt, reviewNote: alert.reviewNote, ...publicColumns(alert),
    }).execute();
  }

  async insertSealed(alert: Pick<Alert, 'id' | 'transactionKey' | 'status' | 'decision' | 'createdAt'>, detailsRef: string): Promise<void> {
    await this.#db.insertInto('alerts').values({ id: alert.id, transactionKey: alert.transactionKey, status: alert.status, decision: alert.decision, detailsRef, createdAt: alert.createdAt }).execute();
  }

  async publish(alert: Alert): Promise<void> {
    await this.#db.updateTable('alerts').set(publicColumns(alert)).where('id', '=', alert.id).execute();
  }

  async recordReview(id: string, review: Pick<Alert, 'reviewedBy' | 'reviewedAt' | 'reviewNote'>): Promise<void> {
    await this.#db.updateTable('alerts').set(review).where('id', '=', id).execute();
  }

  async list(filters: AlertFilters, limit: number, offset: number): Promise<{ items: Alert[]; total: number }> {
    let query = this.#db.selectFrom('alerts');
    if (filters.status) query = query.where('status', '=', filters.status);
    if (filters.decision) query = query.where('decision', '=', filters.decision);
    if (filters.organizationId) query = query.where('organizationId', '=', filters.organizationId);
    const rows = await query.selectAll().orderBy('createdAt', 'desc').orderBy('actionDate', 'desc').orderBy('id').limit(limit).offset(offset).execute();
    const total = Number((await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return { items: await readAlerts(this.#db, rows), total };
  }

  async recordRetraction(id: string, retraction: AlertRetraction): Promise<void> {
    await this.#db.updateTable('alerts').set({ status: 'retracted', retractedBy: retraction.retractedBy, retractedAt: retraction.retractedAt, retractionReason: retraction.reason }).where('id', '=', id).execute();
  }

  async addAnnotation(annotation: AlertAnnotation): Promise<void> {
    await this.#db.insertInto('alertAnnotations').values({ id: annotation.id, alertId: annotation.alertId, note: annotation.note, sourceId: annotation.source, createdBy: annotation.createdBy, createdAt: annotation.createdAt }).execute();
  }

  async annotations(alertId: string): Promise<AlertAnnotation[]> {
    const rows = await this.#db.selectFrom('alertAnnotations').selectAll().where('alertId', '=', alertId).orderBy('createdAt').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, alertId: r.alertId, note: r.note, source: r.sourceId, createdBy: r.createdBy, createdAt: r.createdAt }));
  }
}
