import type { Kysely } from 'kysely';
import type { Deadline } from '../../../kernel/deadlines/deadline.js';
import type { Docket, DocketFinding, DocketReport, DocketVote } from '../../../oversight/dockets/docket.js';
import { deadlinesOfCase } from '../../kernel/kysely-deadline-store.js';
import type { Database } from '../../schema.js';
import { docketOf, findingOf, reportOf, voteOf } from './kysely-docket-store.js';

/** A published comment with its receipt: the entry that published it and, once sequenced, its log index. */
export interface PublishedComment {
  readonly id: string;
  readonly text: string;
  readonly submittedAt: string;
  readonly moderatedAt: string | null;
  readonly entryId: number | null;
  readonly logIndex: number | null;
}

/** The vendor's record as the registry holds it: designations, documented abuse, contracts. */
export interface VendorRecord {
  readonly vendor: { readonly id: string; readonly name: string } | null;
  readonly product: { readonly id: string; readonly name: string } | null;
  readonly designations: readonly { readonly id: string; readonly authority: string; readonly list: string; readonly listed: string; readonly delisted: string | null }[];
  readonly incidents: readonly { readonly id: string; readonly title: string; readonly date: string | null }[];
  readonly contracts: readonly { readonly piid: string; readonly buyerId: string | null; readonly value: number | null; readonly description: string | null }[];
}

/** Everything a docket's page shows. */
export interface DocketDetail {
  readonly docket: Docket;
  readonly agencyName: string | null;
  readonly comments: readonly PublishedComment[];
  readonly pendingComments: number;
  readonly votes: readonly DocketVote[];
  readonly reports: readonly DocketReport[];
  readonly deadlines: readonly Deadline[];
  readonly vendorRecord: VendorRecord;
}

/** Dockets, newest first, optionally of one jurisdiction or status. */
export async function listDockets(db: Kysely<Database>, filter: { jurisdiction?: string | undefined; status?: string | undefined; limit: number; offset: number }): Promise<{ items: Docket[]; total: number }> {
  let query = db.selectFrom('dockets');
  if (filter.jurisdiction) query = query.where('jurisdiction', '=', filter.jurisdiction);
  if (filter.status) query = query.where('status', '=', filter.status);
  const rows = await query.selectAll().orderBy('openedAt', 'desc').orderBy('id').limit(filter.limit).offset(filter.offset).execute();
  const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return { items: rows.map(docketOf), total: Number(total.n) };
}

/** The registry's record of a docket's vendor and product. */
export async function readVendorRecord(db: Kysely<Database>, vendorId: string | null, productId: string | null): Promise<VendorRecord> {
  const vendor = vendorId ? await db.selectFrom('organizations').select(['id', 'name']).where('id', '=', vendorId).executeTakeFirst() : undefined;
  const product = productId ? await db.selectFrom('products').select(['id', 'name']).where('id', '=', productId).executeTakeFirst() : undefined;
  if (!vendorId && !productId) return { vendor: null, product: null, designations: [], incidents: [], contracts: [] };
  const designations = vendorId
    ? await db.selectFrom('designations').select(['id', 'authority', 'list', 'listedDate as listed', 'delistedDate as delisted']).where('subjectId', '=', vendorId).orderBy('listedDate').execute()
    : [];
  const links = [...(vendorId ? [['vendor', vendorId]] : []), ...(productId ? [['product', productId]] : [])];
  const incidents = await db.selectFrom('incidents').select(['id', 'title', 'date']).where('id', 'in', db.selectFrom('incidentLinks').select('incidentId').where((eb) => eb.or(links.map(([type, value]) => eb.and([eb('linkType', '=', type ?? ''), eb('value', '=', value ?? '')]))))).orderBy('date').execute();
  const contracts = vendorId ? await db.selectFrom('contracts').select(['piid', 'buyerId', 'value', 'description']).where('recipientId', '=', vendorId).orderBy('piid').execute() : [];
  return {
    vendor: vendor ?? null, product: product ?? null, designations, incidents,
    contracts: contracts.map((c) => ({ ...c, value: c.value === null ? null : Number(c.value) })),
  };
}

/** One docket with its comments, votes, reports, deadlines and vendor record; null if there is none. */
export async function readDocketDetail(db: Kysely<Database>, id: string): Promise<DocketDetail | null> {
  const row = await db.selectFrom('dockets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const docket = docketOf(row);
  const comments = await db.selectFrom('docketComments').leftJoin('logEntries', 'logEntries.id', 'docketComments.publishedEntryId')
    .select(['docketComments.id', 'docketComments.text', 'docketComments.submittedAt', 'docketComments.moderatedAt', 'docketComments.publishedEntryId', 'logEntries.leafIndex'])
    .where('docketComments.docketId', '=', id).where('docketComments.status', '=', 'published').orderBy('docketComments.submittedAt').execute();
  const pending = await db.selectFrom('docketComments').select((eb) => eb.fn.countAll().as('n')).where('docketId', '=', id).where('status', '=', 'pending').executeTakeFirstOrThrow();
  const votes = (await db.selectFrom('docketVotes').selectAll().where('docketId', '=', id).orderBy('castAt').orderBy('member').execute()).map(voteOf);
  const reports = (await db.selectFrom('docketReports').selectAll().where('docketId', '=', id).orderBy('dueOn').execute()).map(reportOf);
  const agency = await db.selectFrom('organizations').select('name').where('id', '=', docket.agency).executeTakeFirst();
  return {
    docket, agencyName: agency?.name ?? null,
    comments: comments.map((c) => ({ id: c.id, text: c.text ?? '', submittedAt: c.submittedAt, moderatedAt: c.moderatedAt, entryId: c.publishedEntryId === null ? null : Number(c.publishedEntryId), logIndex: c.leafIndex === null ? null : Number(c.leafIndex) })),
    pendingComments: Number(pending.n), votes, reports,
    deadlines: await deadlinesOfCase(db, 'docket', id),
    vendorRecord: await readVendorRecord(db, docket.vendor, docket.product),
  };
}

/** Comments waiting for the clerk, with their sealed text and contact read from the seal store (for the clerk only). */
export async function readPendingComments(db: Kysely<Database>, docketId: string): Promise<{ id: string; text: string | null; contact: string | null; submittedAt: string }[]> {
  const rows = await db.selectFrom('docketComments').select(['id', 'submittedAt', 'textRef', 'contactRef']).where('docketId', '=', docketId).where('status', '=', 'pending').orderBy('submittedAt').execute();
  const refs = rows.flatMap((r) => [r.textRef, r.contactRef]).filter((ref): ref is string => ref !== null);
  const values = refs.length === 0 ? [] : await db.selectFrom('sealedValues').select(['id', 'value']).where('id', 'in', refs).execute();
  const sealed = new Map(values.map((v): [string, unknown] => [v.id, JSON.parse(v.value)]));
  // A shredded value, or a contact never given (sealed as null), reads as null.
  const text = (ref: string | null): string | null => {
    const value = ref === null ? null : sealed.get(ref);
    return typeof value === 'string' ? value : null;
  };
  return rows.map((r) => ({ id: r.id, submittedAt: r.submittedAt, text: text(r.textRef), contact: text(r.contactRef) }));
}

/** Findings of use without approval, newest first. */
export async function listFindings(db: Kysely<Database>, filter: { jurisdiction?: string | undefined; limit: number; offset: number }): Promise<{ items: DocketFinding[]; total: number }> {
  let query = db.selectFrom('docketFindings');
  if (filter.jurisdiction) query = query.where('jurisdiction', '=', filter.jurisdiction);
  const rows = await query.selectAll().orderBy('observedOn', 'desc').orderBy('id').limit(filter.limit).offset(filter.offset).execute();
  const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return { items: rows.map(findingOf), total: Number(total.n) };
}

/** A jurisdiction's approved technologies, each with its report periods (for the jurisdiction page). */
export async function readApprovedTechnologies(db: Kysely<Database>, jurisdiction: string): Promise<{ docket: Docket; reports: DocketReport[] }[]> {
  const rows = await db.selectFrom('dockets').selectAll().where('jurisdiction', '=', jurisdiction).where('status', 'in', ['approved', 'approved-with-conditions']).orderBy('title').execute();
  const out: { docket: Docket; reports: DocketReport[] }[] = [];
  for (const row of rows) {
    const reports = (await db.selectFrom('docketReports').selectAll().where('docketId', '=', row.id).orderBy('dueOn').execute()).map(reportOf);
    out.push({ docket: docketOf(row), reports });
  }
  return out;
}
