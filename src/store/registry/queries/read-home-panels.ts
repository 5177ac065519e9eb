import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { HomeAlert, HomeContractEvent, HomeDesignationEvent, HomeIncident, HomePanels } from '../../../registry/home-panels.js';
import { CONTRACT_EVENTS } from '../../../registry/schemas/contract.js';
import type { RecordRef } from '../../../registry/views.js';
import type { Database } from '../../schema.js';
import { readIncidentCountryCounts } from './read-country-counts.js';
import { PUBLIC_ALERT_STATUSES } from '../../procurement/read-alert-list.js';

const eventSchema = z.enum(CONTRACT_EVENTS);

/** A party named by a join on both tables (organisations first); an id neither table knows is shown as itself. */
function party(id: string, organizationName: string | null, personName: string | null): RecordRef {
  if (organizationName !== null) return { type: 'organization', id, name: organizationName };
  if (personName !== null) return { type: 'person', id, name: personName };
  return { type: 'organization', id, name: id };
}

/** Record counts per type: one statement of scalar subqueries. */
async function counts(db: Kysely<Database>): Promise<HomePanels['counts']> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('organizations').select(eb.fn.countAll().as('n')).as('organization'),
      eb.selectFrom('people').select(eb.fn.countAll().as('n')).as('person'),
      eb.selectFrom('products').select(eb.fn.countAll().as('n')).as('product'),
      eb.selectFrom('designations').select(eb.fn.countAll().as('n')).as('designation'),
      eb.selectFrom('incidents').select(eb.fn.countAll().as('n')).as('incident'),
      eb.selectFrom('contracts').select(eb.fn.countAll().as('n')).as('contract'),
      eb.selectFrom('sources').select(eb.fn.countAll().as('n')).as('source'),
    ])
    .executeTakeFirstOrThrow();
  return {
    organization: Number(row.organization), person: Number(row.person), product: Number(row.product), designation: Number(row.designation),
    incident: Number(row.incident), contract: Number(row.contract), source: Number(row.source),
  };
}

/** The latest listings and delistings, with their subjects' names: one statement. */
async function designationEvents(db: Kysely<Database>, limit: number): Promise<HomeDesignationEvent[]> {
  const rows = await db
    .selectFrom('designations as d')
    .leftJoin('organizations as o', 'o.id', 'd.subjectId')
    .leftJoin('people as p', 'p.id', 'd.subjectId')
    .select(['d.id', 'd.subjectId', 'd.authority', 'd.list', 'd.listedDate', 'd.delistedDate', 'o.name as organizationName', 'p.name as personName'])
    .orderBy((eb) => eb.fn.coalesce('d.delistedDate', 'd.listedDate'), 'desc')
    .orderBy('d.listedDate', 'desc')
    .orderBy('d.id')
    // Each designation gives at most two events: twice the limit covers the newest `limit`.
    .limit(limit * 2)
    .execute();
  const events: HomeDesignationEvent[] = [];
  for (const r of rows) {
    const base = { authority: r.authority, list: r.list, subject: party(r.subjectId, r.organizationName, r.personName) };
    events.push({ ...base, date: r.listedDate, kind: 'listed' });
    if (r.delistedDate !== null) events.push({ ...base, date: r.delistedDate, kind: 'delisted' });
  }
  // Newest first; on one day a delisting comes before a listing (the timeline's order, reversed).
  events.sort((a, b) => b.date.localeCompare(a.date) || (a.kind === b.kind ? 0 : a.kind === 'delisted' ? -1 : 1));
  return events.slice(0, limit);
}

/** The newest incidents with their countries and target categories: one statement over incidents and their links. */
async function incidents(db: Kysely<Database>, limit: number): Promise<HomeIncident[]> {
  const rows = await db
    .selectFrom('incidents as i')
    .leftJoin('incidentLinks as l', (join) => join.onRef('l.incidentId', '=', 'i.id').on('l.linkType', 'in', ['country', 'target-category']))
    .select(['i.id', 'i.title', 'i.date', 'l.linkType', 'l.value'])
    .where('i.id', 'in', (eb) => eb.selectFrom('incidents').select('id').orderBy('date', 'desc').orderBy('id').limit(limit))
    .orderBy('i.date', 'desc')
    .orderBy('i.id')
    .orderBy('l.value')
    .execute();
  const byId = new Map<string, { id: string; title: string; date: string | null; countries: string[]; targetCategories: string[] }>();
  for (const r of rows) {
    const incident = byId.get(r.id) ?? { id: r.id, title: r.title, date: r.date, countries: [], targetCategories: [] };
    byId.set(r.id, incident);
    if (r.linkType === 'country' && r.value !== null) incident.countries.push(r.value);
    if (r.linkType === 'target-category' && r.value !== null) incident.targetCategories.push(r.value);
  }
  return [...byId.values()];
}

/** The newest contract actions with their contracts' currency and recipient: one statement. */
async function contractEvents(db: Kysely<Database>, limit: number): Promise<HomeContractEvent[]> {
  const rows = await db
    .selectFrom('contractTransactions as t')
    .innerJoin('contracts as c', 'c.piid', 't.piid')
    .leftJoin('organizations as o', 'o.id', 'c.recipientId')
    .leftJoin('people as p', 'p.id', 'c.recipientId')
    .select(['t.piid', 't.event', 't.date', 't.amount', 'c.currency', 'c.recipientId', 'o.name as organizationName', 'p.name as personName'])
    .orderBy('t.date', 'desc')
    .orderBy('t.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    piid: r.piid, event: eventSchema.parse(r.event), date: r.date, amount: r.amount === null ? null : Number(r.amount), currency: r.currency,
    recipient: r.recipientId === null ? null : party(r.recipientId, r.organizationName, r.personName),
  }));
}

function publicColumn(value: string | null, column: string): string {
  if (value === null) throw new Error(`a public alert has no ${column}: its details are still sealed`);
  return value;
}

/** The newest public procurement alerts, each with whether its contract is recorded: one statement. */
async function alerts(db: Kysely<Database>, limit: number): Promise<HomeAlert[]> {
  const rows = await db
    .selectFrom('alerts')
    .select(['piid', 'actionDate', 'event', 'amount', 'organizationId', 'organizationName'])
    .select((eb) => eb.exists(eb.selectFrom('contracts').select('contracts.piid').whereRef('contracts.piid', '=', 'alerts.piid')).as('recorded'))
    .where('status', 'in', [...PUBLIC_ALERT_STATUSES])
    .orderBy('createdAt', 'desc')
    .orderBy('actionDate', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  // Public alerts have their details in columns (only a sealed review item's are null).
  return rows.map((r) => ({
    piid: publicColumn(r.piid, 'piid'), actionDate: publicColumn(r.actionDate, 'actionDate'), event: eventSchema.parse(r.event), amount: Number(r.amount),
    organizationId: publicColumn(r.organizationId, 'organizationId'), organizationName: publicColumn(r.organizationName, 'organizationName'),
    // PostgreSQL answers exists() with a boolean, SQLite with 0 or 1.
    contractRecorded: r.recorded === true || Number(r.recorded) === 1,
  }));
}

/**
 * Everything the home page shows, one statement per panel (counts, designations, incidents,
 * contract events, alerts, the incident map's countries) — six in all, where the page used to
 * send one or more per item.
 *
 * @example
 * const panels = await readHomePanels(store.db);
 */
export async function readHomePanels(db: Kysely<Database>, { limit = 10, alertLimit = 5 }: { limit?: number; alertLimit?: number } = {}): Promise<HomePanels> {
  return {
    counts: await counts(db),
    designationEvents: await designationEvents(db, limit),
    incidents: await incidents(db, limit),
    contractEvents: await contractEvents(db, limit),
    alerts: await alerts(db, alertLimit),
    incidentCountries: await readIncidentCountryCounts(db),
  };
}
