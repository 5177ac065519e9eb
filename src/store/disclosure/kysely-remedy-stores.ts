import type { Kysely } from 'kysely';
import type { RemedyLookups, RemedyStores } from '../../disclosure/remedy-transaction.js';
import { NOTICE_METHODS, type TargetNoticeRow, type TargetNoticeStatus, type TargetNoticeStore } from '../../disclosure/target-notices/target-notice-store.js';
import type { VendorReportAnnotation, VendorReportRow, VendorReportStore } from '../../disclosure/vendor-reports/vendor-report-store.js';
import type { Database } from '../schema.js';
import { KyselyComplaintStore } from './kysely-complaint-store.js';
import type { TargetNoticeTable, VendorReportTable } from './remedy-tables.js';

const NOTICE_STATUSES: readonly TargetNoticeStatus[] = ['due', 'prepared', 'sent'];

function noticeOf(row: TargetNoticeTable): TargetNoticeRow {
  const status = NOTICE_STATUSES.find((s) => s === row.status);
  if (!status) throw new Error(`target notice ${row.id} has an unknown status "${row.status}"`);
  return { ...row, status, method: NOTICE_METHODS.find((m) => m === row.method) ?? null };
}

export class KyselyTargetNoticeStore implements TargetNoticeStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insertNotice(n: Omit<TargetNoticeRow, 'preparedAt' | 'sentOn' | 'method'>): Promise<void> {
    await this.#db.insertInto('targetNotices').values({ ...n, preparedAt: null, sentOn: null, method: null }).execute();
  }

  async findNotice(id: string): Promise<TargetNoticeRow | null> {
    const row = await this.#db.selectFrom('targetNotices').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? noticeOf(row) : null;
  }

  async findNoticeForAuthorization(authorizationId: string): Promise<TargetNoticeRow | null> {
    const row = await this.#db.selectFrom('targetNotices').selectAll().where('authorizationId', '=', authorizationId).executeTakeFirst();
    return row ? noticeOf(row) : null;
  }

  async updateNotice(id: string, patch: Partial<Pick<TargetNoticeRow, 'status' | 'preparedAt' | 'sentOn' | 'method'>>): Promise<void> {
    if (Object.keys(patch).length === 0) return;
    await this.#db.updateTable('targetNotices').set({ ...patch }).where('id', '=', id).execute();
  }

  async listNotices(query: { status?: TargetNoticeStatus | undefined; limit: number; offset: number }): Promise<{ items: TargetNoticeRow[]; total: number }> {
    let base = this.#db.selectFrom('targetNotices');
    if (query.status) base = base.where('status', '=', query.status);
    const rows = await base.selectAll().orderBy('dueAt', 'desc').orderBy('id').limit(query.limit).offset(query.offset).execute();
    const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return { items: rows.map(noticeOf), total };
  }
}

export class KyselyVendorReportStore implements VendorReportStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insertReport(r: Omit<VendorReportRow, 'annotations'>): Promise<void> {
    await this.#db.insertInto('vendorReports').values({
      id: r.id, vendorId: r.vendor, year: r.year, status: r.status, selfIdentification: r.selfIdentification, products: JSON.stringify(r.products),
      dueDiligence: r.dueDiligence, risksAddressed: r.risksAddressed, sales: JSON.stringify(r.sales), rejectedClients: JSON.stringify(r.rejectedClients), filedBy: r.filedBy, filedAt: r.filedAt,
    }).execute();
  }

  async findReport(id: string): Promise<VendorReportRow | null> {
    const row = await this.#db.selectFrom('vendorReports').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? ((await this.#read([row]))[0] ?? null) : null;
  }

  async findReportFor(vendor: string, year: number): Promise<VendorReportRow | null> {
    const row = await this.#db.selectFrom('vendorReports').selectAll().where('vendorId', '=', vendor).where('year', '=', year).executeTakeFirst();
    return row ? ((await this.#read([row]))[0] ?? null) : null;
  }

  async listReports(query: { vendor?: string | undefined; year?: number | undefined; limit: number; offset: number }): Promise<{ items: VendorReportRow[]; total: number }> {
    let base = this.#db.selectFrom('vendorReports');
    if (query.vendor !== undefined) base = base.where('vendorId', '=', query.vendor);
    if (query.year !== undefined) base = base.where('year', '=', query.year);
    const rows = await base.selectAll().orderBy('year', 'desc').orderBy('vendorId').orderBy('id').limit(query.limit).offset(query.offset).execute();
    const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return { items: await this.#read(rows), total };
  }

  async insertAnnotation(a: VendorReportAnnotation): Promise<void> {
    await this.#db.insertInto('vendorReportAnnotations').values({ ...a }).execute();
  }

  async #read(rows: readonly VendorReportTable[]): Promise<VendorReportRow[]> {
    const ids = rows.map((r) => r.id);
    const annotations = ids.length === 0 ? [] : await this.#db.selectFrom('vendorReportAnnotations').selectAll().where('reportId', 'in', ids).orderBy('createdAt').orderBy('id').execute();
    return rows.map((r) => ({
      id: r.id, vendor: r.vendorId, year: Number(r.year), status: 'published', selfIdentification: r.selfIdentification, products: JSON.parse(r.products),
      dueDiligence: r.dueDiligence, risksAddressed: r.risksAddressed, sales: JSON.parse(r.sales), rejectedClients: JSON.parse(r.rejectedClients), filedBy: r.filedBy, filedAt: r.filedAt,
      annotations: annotations.filter((a) => a.reportId === r.id),
    }));
  }
}

class KyselyRemedyLookups implements RemedyLookups {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async recordExists(type: 'organization' | 'incident' | 'source', id: string): Promise<boolean> {
    const table = type === 'organization' ? 'organizations' : type === 'incident' ? 'incidents' : 'sources';
    return (await this.#db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  async bodyHasHandler(body: string): Promise<boolean> {
    const row = await this.#db.selectFrom('grants').select('id').where('role', '=', 'complaint-handler').where('scopeKind', '=', 'body').where('scopeId', '=', body).where('revokedAt', 'is', null).executeTakeFirst();
    return row !== undefined;
  }
}

/**
 * The remedy stores over one connection or transaction.
 *
 * @example
 * const reports = remedyStores(store.db).vendorReports;
 */
export function remedyStores(db: Kysely<Database>): RemedyStores {
  return { complaints: new KyselyComplaintStore(db), notices: new KyselyTargetNoticeStore(db), vendorReports: new KyselyVendorReportStore(db), lookups: new KyselyRemedyLookups(db) };
}

/** Bodies that take complaints: organisations with a complaint handler, by name. */
export async function complaintBodies(db: Kysely<Database>): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('grants').innerJoin('organizations', 'organizations.id', 'grants.scopeId')
    .select(['organizations.id', 'organizations.name']).distinct()
    .where('grants.role', '=', 'complaint-handler').where('grants.scopeKind', '=', 'body').where('grants.revokedAt', 'is', null)
    .orderBy('organizations.name').execute();
}

/** Names of the registry records a remedy page mentions, keyed `organization:id`, `incident:id`, `source:id` (unknown ids are absent). */
export async function recordLabels(db: Kysely<Database>, refs: { organizations?: readonly (string | null)[]; incidents?: readonly (string | null)[]; sources?: readonly (string | null)[] }): Promise<Map<string, string>> {
  const ids = (list: readonly (string | null)[] | undefined) => [...new Set((list ?? []).filter((id): id is string => id !== null))];
  const labels = new Map<string, string>();
  const [organizations, incidents, sources] = [ids(refs.organizations), ids(refs.incidents), ids(refs.sources)];
  if (organizations.length > 0) for (const r of await db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', organizations).execute()) labels.set(`organization:${r.id}`, r.name);
  if (incidents.length > 0) for (const r of await db.selectFrom('incidents').select(['id', 'title']).where('id', 'in', incidents).execute()) labels.set(`incident:${r.id}`, r.title);
  if (sources.length > 0) for (const r of await db.selectFrom('sources').select(['id', 'title']).where('id', 'in', sources).execute()) labels.set(`source:${r.id}`, r.title);
  return labels;
}
