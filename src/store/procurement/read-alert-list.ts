import type { Kysely } from 'kysely';
import type { Alert, AlertStatus } from '../../procurement/alerts/alert.js';
import type { ProcurementEvent } from '../../procurement/events/classify-event.js';
import { readAlerts } from './kysely-alert-store.js';
import type { Database } from '../schema.js';

/** What the public sees (as in the API and the feed): confident matches and confirmed review items; review items may name look-alike companies. */
export const PUBLIC_ALERT_STATUSES: readonly AlertStatus[] = ['raised', 'confirmed'];

/** A page of alerts, with what the list needs around them. */
export interface AlertList {
  readonly items: readonly Alert[];
  readonly total: number;
  /** PIIDs among the items that the registry holds (link only those). */
  readonly recordedContracts: ReadonlySet<string>;
  /** Every organisation with alerts in these statuses, for the filter. */
  readonly organizations: readonly { readonly id: string; readonly name: string }[];
}

/** Which alerts, and which page of them. */
export interface AlertListQuery {
  readonly statuses: readonly AlertStatus[];
  readonly organizationId?: string | undefined;
  readonly event?: ProcurementEvent | undefined;
  readonly limit: number;
  readonly offset: number;
}

/**
 * Alerts in any of several statuses, newest first, filtered by organisation and event — what the
 * public list and the review queue show (the alert store lists one status at a time). Rows are
 * read back through `KyselyAlertStore`, so they are parsed exactly as the API parses them.
 *
 * @example
 * const list = await readAlertList(db, { statuses: ['raised', 'confirmed'], event: 'award', limit: 20, offset: 0 });
 */
export async function readAlertList(db: Kysely<Database>, query: AlertListQuery): Promise<AlertList> {
  if (query.statuses.length === 0) return { items: [], total: 0, recordedContracts: new Set(), organizations: [] };
  let rows = db.selectFrom('alerts').where('status', 'in', [...query.statuses]);
  if (query.organizationId) rows = rows.where('organizationId', '=', query.organizationId);
  if (query.event) rows = rows.where('event', '=', query.event);
  const ids = await rows.select('id').orderBy('createdAt', 'desc').orderBy('actionDate', 'desc').orderBy('id').limit(query.limit).offset(query.offset).execute();
  const total = Number((await rows.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  const byId = new Map((await readAlerts(db, ids.length === 0 ? [] : await db.selectFrom('alerts').selectAll().where('id', 'in', ids.map((r) => r.id)).execute())).map((a) => [a.id, a]));
  const items = ids.map((row) => byId.get(row.id)).filter((a): a is Alert => a !== undefined);
  const piids = [...new Set(items.map((a) => a.piid))];
  const recorded = piids.length === 0 ? [] : await db.selectFrom('contracts').select('piid').where('piid', 'in', piids).execute();
  // Sealed review items have no public organisation: only published ones fill the filter.
  const named = await db.selectFrom('alerts').where('status', 'in', [...query.statuses]).where('organizationId', 'is not', null).select(['organizationId as id', 'organizationName as name']).distinct().orderBy('organizationName').execute();
  // One option per organisation, even if its name changed between watchlist versions.
  const organizations = [...new Map(named.flatMap((o) => (o.id !== null && o.name !== null ? [[o.id, { id: o.id, name: o.name }] as const] : []))).values()];
  return { items, total, recordedContracts: new Set(recorded.map((r) => r.piid)), organizations };
}
