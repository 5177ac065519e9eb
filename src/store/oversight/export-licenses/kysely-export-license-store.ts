import type { Kysely } from 'kysely';
import type {
  ActiveDesignation, ExportLicense, ExportLicenseStore, LicenseStatus, LicenseStep, PartyOrganization, Proviso, ProvisoEvidence, RelatedOrganization, RiskListEntry,
} from '../../../oversight/export-licenses/export-license.js';
import { LICENSE_STATUSES, PROVISO_KINDS } from '../../../oversight/export-licenses/export-license.js';
import { screeningSchema } from '../../../oversight/export-licenses/export-license-events.js';
import { readCorporateFamily } from '../../registry/queries/read-corporate-family.js';
import type { Database, ExportLicenseProvisoTable, ExportLicenseTable } from '../../schema.js';

function statusOf(value: string): LicenseStatus {
  const status = LICENSE_STATUSES.find((s) => s === value);
  if (!status) throw new Error(`export licence has unknown status "${value}"`);
  return status;
}

export function licenseFromRow(r: ExportLicenseTable): ExportLicense {
  return {
    id: r.id, exporter: r.exporterId, item: r.item, eccn: r.eccn, endUser: r.endUserId, endUse: r.endUse, destination: r.destination, licensingAgency: r.licensingAgency,
    status: statusOf(r.status), appliedAt: r.appliedAt, screening: screeningSchema.parse(JSON.parse(r.screening)), decisionNote: r.decisionNote, decidedAt: r.decidedAt,
    revocationReasons: r.revocationReasons, revokedAt: r.revokedAt, updatedAt: r.updatedAt,
  };
}

export function provisoFromRow(r: ExportLicenseProvisoTable): Proviso {
  const kind = PROVISO_KINDS.find((k) => k === r.kind);
  if (!kind) throw new Error(`proviso ${r.id} has unknown kind "${r.kind}"`);
  if (r.status !== 'open' && r.status !== 'met') throw new Error(`proviso ${r.id} has unknown status "${r.status}"`);
  return { id: r.id, licenseId: r.licenseId, position: Number(r.position), kind, text: r.text, dueDate: r.dueDate, status: r.status, overdueAt: r.overdueAt, metAt: r.metAt };
}

const stringArray = (text: string): string[] => {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed) || !parsed.every((v) => typeof v === 'string')) throw new Error('risk-list entry: expected a JSON array of ids');
  return parsed;
};

/** Export-licence review's storage over Kysely (SQLite or PostgreSQL), with the registry reads screening needs. */
export class KyselyExportLicenseStore implements ExportLicenseStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async license(id: string): Promise<ExportLicense | null> {
    const row = await this.#db.selectFrom('exportLicenses').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? licenseFromRow(row) : null;
  }

  async insertLicense(l: ExportLicense): Promise<void> {
    await this.#db.insertInto('exportLicenses').values({
      id: l.id, exporterId: l.exporter, item: l.item, eccn: l.eccn, endUserId: l.endUser, endUse: l.endUse, destination: l.destination, licensingAgency: l.licensingAgency, status: l.status,
      appliedAt: l.appliedAt, screening: JSON.stringify(l.screening), decisionNote: l.decisionNote, decidedAt: l.decidedAt, revocationReasons: l.revocationReasons, revokedAt: l.revokedAt, updatedAt: l.updatedAt,
    }).execute();
  }

  async updateLicense(id: string, patch: Parameters<ExportLicenseStore['updateLicense']>[1]): Promise<void> {
    await this.#db.updateTable('exportLicenses').set({ ...patch }).where('id', '=', id).execute();
  }

  async provisos(licenseId: string): Promise<Proviso[]> {
    const rows = await this.#db.selectFrom('exportLicenseProvisos').selectAll().where('licenseId', '=', licenseId).orderBy('position').execute();
    return rows.map(provisoFromRow);
  }

  async insertProviso(p: Proviso): Promise<void> {
    await this.#db.insertInto('exportLicenseProvisos').values({ id: p.id, licenseId: p.licenseId, position: p.position, kind: p.kind, text: p.text, dueDate: p.dueDate, status: p.status, overdueAt: p.overdueAt, metAt: p.metAt }).execute();
  }

  async markProvisoOverdue(licenseId: string, provisoId: string, at: string): Promise<void> {
    await this.#db.updateTable('exportLicenseProvisos').set({ overdueAt: at }).where('id', '=', provisoId).where('licenseId', '=', licenseId).where('status', '=', 'open').execute();
  }

  async markProvisoMet(licenseId: string, provisoId: string, at: string): Promise<void> {
    await this.#db.updateTable('exportLicenseProvisos').set({ status: 'met', metAt: at }).where('id', '=', provisoId).where('licenseId', '=', licenseId).where('status', '=', 'open').execute();
  }

  async insertEvidence(e: ProvisoEvidence): Promise<void> {
    await this.#db.insertInto('exportLicenseEvidence').values({ ...e }).execute();
  }

  async addStep(step: Omit<LicenseStep, 'position'>): Promise<void> {
    // Take the licence's row lock first, so two steps recorded at once (the tick's overdue flag and
    // an officer's evidence) number their history rows one after the other, never both "next".
    await this.#db.updateTable('exportLicenses').set((eb) => ({ id: eb.ref('id') })).where('id', '=', step.licenseId).execute();
    const last = await this.#db.selectFrom('exportLicenseSteps').select((eb) => eb.fn.max('position').as('position')).where('licenseId', '=', step.licenseId).executeTakeFirst();
    await this.#db.insertInto('exportLicenseSteps').values({ ...step, position: Number(last?.position ?? 0) + 1 }).execute();
  }

  async steps(licenseId: string): Promise<LicenseStep[]> {
    const rows = await this.#db.selectFrom('exportLicenseSteps').selectAll().where('licenseId', '=', licenseId).orderBy('position').execute();
    return rows.map((r) => ({ ...r, position: Number(r.position) }));
  }

  async anyInStatus(statuses: readonly LicenseStatus[]): Promise<boolean> {
    if (statuses.length === 0) return false;
    return (await this.#db.selectFrom('exportLicenses').select('id').where('status', 'in', [...statuses]).limit(1).executeTakeFirst()) !== undefined;
  }

  async linkIncident(licenseId: string, incidentId: string, at: string): Promise<void> {
    await this.#db.insertInto('exportLicenseIncidents').values({ licenseId, incidentId, linkedAt: at }).onConflict((oc) => oc.doNothing()).execute();
  }

  async linkedIncidents(licenseId: string): Promise<string[]> {
    const rows = await this.#db.selectFrom('exportLicenseIncidents').select('incidentId').where('licenseId', '=', licenseId).orderBy('linkedAt').execute();
    return rows.map((r) => r.incidentId);
  }

  async licensesConcerning({ endUsers, exporters = [], countries, statuses }: { endUsers: readonly string[]; exporters?: readonly string[]; countries: readonly string[]; statuses: readonly LicenseStatus[] }): Promise<ExportLicense[]> {
    if ((endUsers.length === 0 && exporters.length === 0 && countries.length === 0) || statuses.length === 0) return [];
    const rows = await this.#db
      .selectFrom('exportLicenses')
      .selectAll()
      .where('status', 'in', [...statuses])
      .where((eb) => eb.or([
        ...(endUsers.length > 0 ? [eb('endUserId', 'in', [...endUsers])] : []),
        ...(exporters.length > 0 ? [eb('exporterId', 'in', [...exporters])] : []),
        ...(countries.length > 0 ? [eb('destination', 'in', [...countries])] : []),
      ]))
      .orderBy('appliedAt')
      .orderBy('id')
      .execute();
    return rows.map(licenseFromRow);
  }

  async addedRiskEntries(country?: string): Promise<RiskListEntry[]> {
    let query = this.#db.selectFrom('destinationRiskEntries').selectAll();
    if (country !== undefined) query = query.where('country', '=', country);
    const rows = await query.orderBy('addedAt').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, country: r.country, reason: r.reason, sources: stringArray(r.sources), incidents: stringArray(r.incidents), addedAt: r.addedAt, addedBy: r.addedBy }));
  }

  async insertRiskEntry(e: RiskListEntry): Promise<void> {
    if (e.addedAt === null || e.addedBy === null) throw new Error('a stored risk-list entry records who added it and when');
    await this.#db.insertInto('destinationRiskEntries').values({ id: e.id, country: e.country, reason: e.reason, sources: JSON.stringify(e.sources), incidents: JSON.stringify(e.incidents), addedAt: e.addedAt, addedBy: e.addedBy }).execute();
  }

  async organization(id: string): Promise<PartyOrganization | null> {
    const row = await this.#db.selectFrom('organizations').select(['id', 'name', 'country']).where('id', '=', id).executeTakeFirst();
    return row ?? null;
  }

  async relatedOrganizations(id: string): Promise<RelatedOrganization[]> {
    const { members } = await readCorporateFamily(this.#db, id);
    return members.map((m) => {
      const last = m.path[m.path.length - 1];
      if (!last) throw new Error(`family member ${m.ref.id} has an empty path`);
      // "affiliate (via Intellexa Consortium)": the kind of the last step, and the members walked through.
      const via = m.path.slice(0, -1).map((s) => s.member.name);
      return { id: m.ref.id, name: m.ref.name, relation: via.length > 0 ? `${last.relation} (via ${via.join(', ')})` : last.relation };
    });
  }

  async activeDesignations(subjects: readonly string[], date: string): Promise<ActiveDesignation[]> {
    if (subjects.length === 0) return [];
    const rows = await this.#db
      .selectFrom('designations')
      .select(['id', 'subjectId', 'authority', 'list', 'listedDate', 'delistedDate', 'reason'])
      .where('subjectId', 'in', [...subjects])
      .where('listedDate', '<=', date)
      .where((eb) => eb.or([eb('delistedDate', 'is', null), eb('delistedDate', '>', date)]))
      .orderBy('listedDate')
      .orderBy('id')
      .execute();
    if (rows.length === 0) return [];
    const sources = await this.#db.selectFrom('factSources').select(['recordId', 'sourceId']).where('recordType', '=', 'designation').where('recordId', 'in', rows.map((r) => r.id)).orderBy('sourceId').execute();
    return rows.map((r) => ({
      id: r.id, subject: r.subjectId, authority: r.authority, list: r.list, listed: r.listedDate, reason: r.reason, sources: sources.filter((s) => s.recordId === r.id).map((s) => s.sourceId),
    }));
  }

  async sourceExists(id: string): Promise<boolean> {
    return (await this.#db.selectFrom('sources').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  async incidentExists(id: string): Promise<boolean> {
    return (await this.#db.selectFrom('incidents').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }
}
