import type { Kysely } from 'kysely';
import { riskEntriesFor } from '../../../oversight/export-licenses/destination-risk-list.js';
import type { ExportLicense, LicenseStatus, LicenseStep, Proviso, ProvisoEvidence, RiskListEntry } from '../../../oversight/export-licenses/export-license.js';
import type { Database } from '../../schema.js';
import { KyselyExportLicenseStore, licenseFromRow } from './kysely-export-license-store.js';

/** A proviso with its evidence, as pages and the API show it. */
export interface ProvisoView extends Proviso {
  readonly evidence: readonly ProvisoEvidence[];
}

/** A licence with everything its public page shows. */
export interface ExportLicenseView {
  readonly license: ExportLicense;
  /** Registry names of the organisations (null: no longer in the registry). */
  readonly names: { readonly exporter: string | null; readonly endUser: string | null; readonly licensingAgency: string | null };
  readonly provisos: readonly ProvisoView[];
  readonly steps: readonly LicenseStep[];
  readonly incidents: readonly { readonly id: string; readonly title: string | null; readonly linkedAt: string }[];
  readonly riskEntries: readonly RiskListEntry[];
}

async function namesOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A page of licences, newest application first, with the names of their parties. */
export async function readExportLicenseList(db: Kysely<Database>, { statuses, limit, offset }: { statuses?: readonly LicenseStatus[]; limit: number; offset: number }): Promise<{ items: { license: ExportLicense; exporterName: string | null; endUserName: string | null; overdueProvisos: number }[]; total: number }> {
  let query = db.selectFrom('exportLicenses');
  if (statuses && statuses.length > 0) query = query.where('status', 'in', [...statuses]);
  const total = Number((await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await query.selectAll().orderBy('appliedAt', 'desc').orderBy('id').limit(limit).offset(offset).execute();
  const names = await namesOf(db, rows.flatMap((r) => [r.exporterId, r.endUserId]));
  const overdue = rows.length === 0 ? [] : await db.selectFrom('exportLicenseProvisos').select(['licenseId']).where('licenseId', 'in', rows.map((r) => r.id)).where('status', '=', 'open').where('overdueAt', 'is not', null).execute();
  return {
    items: rows.map((r) => ({ license: licenseFromRow(r), exporterName: names.get(r.exporterId) ?? null, endUserName: names.get(r.endUserId) ?? null, overdueProvisos: overdue.filter((o) => o.licenseId === r.id).length })),
    total,
  };
}

/** A licence as an organisation's page lists it: the names of both parties. */
export interface LicenseOfOrganization {
  readonly license: ExportLicense;
  readonly exporterName: string | null;
  readonly endUserName: string | null;
}

/**
 * The licences an organisation is a party to — as the exporter or as the end user — newest
 * application first, at most `limit`, with how many there are in all.
 *
 * @example
 * const { items, total } = await readLicensesOfOrganization(db, 'intellexa-sa', 50);
 */
export async function readLicensesOfOrganization(db: Kysely<Database>, organizationId: string, limit: number): Promise<{ items: LicenseOfOrganization[]; total: number }> {
  const query = db.selectFrom('exportLicenses').where((eb) => eb.or([eb('exporterId', '=', organizationId), eb('endUserId', '=', organizationId)]));
  const rows = await query.selectAll().orderBy('appliedAt', 'desc').orderBy('id').limit(limit).execute();
  const total = rows.length < limit ? rows.length : Number((await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const names = await namesOf(db, rows.flatMap((r) => [r.exporterId, r.endUserId]));
  return { items: rows.map((r) => ({ license: licenseFromRow(r), exporterName: names.get(r.exporterId) ?? null, endUserName: names.get(r.endUserId) ?? null })), total };
}

/** One licence with its provisos and evidence, recorded steps, linked incidents and the destination's risk-list entries. */
export async function readExportLicense(db: Kysely<Database>, id: string): Promise<ExportLicenseView | null> {
  const store = new KyselyExportLicenseStore(db);
  const license = await store.license(id);
  if (!license) return null;
  const names = await namesOf(db, [license.exporter, license.endUser, license.licensingAgency]);
  const evidence = await db.selectFrom('exportLicenseEvidence').selectAll().where('licenseId', '=', id).orderBy('submittedAt').orderBy('id').execute();
  const provisos = (await store.provisos(id)).map((p) => ({ ...p, evidence: evidence.filter((e) => e.provisoId === p.id) }));
  const steps = (await db.selectFrom('exportLicenseSteps').selectAll().where('licenseId', '=', id).orderBy('position').execute()).map((s) => ({ ...s, position: Number(s.position) }));
  const links = await db.selectFrom('exportLicenseIncidents').selectAll().where('licenseId', '=', id).orderBy('linkedAt').execute();
  const titles = links.length === 0 ? [] : await db.selectFrom('incidents').select(['id', 'title']).where('id', 'in', links.map((l) => l.incidentId)).execute();
  const riskEntries = await riskEntriesFor(store, license.destination);
  return {
    license,
    names: { exporter: names.get(license.exporter) ?? null, endUser: names.get(license.endUser) ?? null, licensingAgency: names.get(license.licensingAgency) ?? null },
    provisos,
    steps,
    incidents: links.map((l) => ({ id: l.incidentId, title: titles.find((t) => t.id === l.incidentId)?.title ?? null, linkedAt: l.linkedAt })),
    riskEntries,
  };
}
