import { sql, type Kysely } from 'kysely';
import type { Authorization } from '../../oversight/authorizations/authorization.js';
import type { Audit } from '../../oversight/audits/audit.js';
import type { Finding, FindingKind, Sharing } from '../../oversight/uses/use.js';
import type { UseRow } from '../../oversight/uses/uses-store.js';
import type { Database } from '../schema.js';
import { auditFromRow, authorizationFromRow, useFromRow } from './kysely-uses-store.js';

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
}

/** An authorisation with the leaf index of its granting entry (its receipt), once sequenced. */
export type ListedAuthorization = Authorization & { readonly logIndex: number | null };

const count = (n: unknown) => Number(n);

/** Authorisations, newest first, optionally of one agency or review. */
export async function listAuthorizations(db: Kysely<Database>, filters: { agency?: string | undefined; review?: string | undefined; limit: number; offset: number }): Promise<Page<ListedAuthorization>> {
  let query = db.selectFrom('oversightAuthorizations');
  if (filters.agency) query = query.where('agency', '=', filters.agency);
  if (filters.review) query = query.where('review', '=', filters.review);
  const rows = await query.leftJoin('logEntries', 'logEntries.id', 'oversightAuthorizations.entryId').selectAll('oversightAuthorizations').select('logEntries.leafIndex')
    .orderBy('oversightAuthorizations.recordedAt', 'desc').orderBy('oversightAuthorizations.id').limit(filters.limit).offset(filters.offset).execute();
  const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return { items: rows.map(({ leafIndex, ...r }) => ({ ...authorizationFromRow(r), logIndex: leafIndex === null ? null : Number(leafIndex) })), total: count(total.n) };
}

export async function readAuthorization(db: Kysely<Database>, id: string): Promise<ListedAuthorization | null> {
  const row = await db.selectFrom('oversightAuthorizations').leftJoin('logEntries', 'logEntries.id', 'oversightAuthorizations.entryId').selectAll('oversightAuthorizations').select('logEntries.leafIndex')
    .where('oversightAuthorizations.id', '=', id).executeTakeFirst();
  if (!row) return null;
  const { leafIndex, ...r } = row;
  return { ...authorizationFromRow(r), logIndex: leafIndex === null ? null : Number(leafIndex) };
}

export async function listUses(db: Kysely<Database>, filters: { agency?: string | undefined; authorization?: string | undefined; limit: number; offset: number }): Promise<Page<UseRow>> {
  let query = db.selectFrom('oversightUses');
  if (filters.agency) query = query.where('agency', '=', filters.agency);
  if (filters.authorization) query = query.where('authorizationId', '=', filters.authorization);
  const rows = await query.selectAll().orderBy('occurredAt', 'desc').orderBy('id').limit(filters.limit).offset(filters.offset).execute();
  const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return { items: rows.map(useFromRow), total: count(total.n) };
}

export async function listSharings(db: Kysely<Database>, authorization: string): Promise<Sharing[]> {
  const rows = await db.selectFrom('oversightSharings').selectAll().where('authorizationId', '=', authorization).orderBy('sharedAt').execute();
  return rows.map((r) => ({ id: r.id, authorization: r.authorizationId, agency: r.agency, recipient: r.recipient, legalBasis: r.legalBasis, sharedAt: r.sharedAt, recordedAt: r.recordedAt }));
}

export async function listFindings(db: Kysely<Database>, filters: { agency?: string | undefined; kind?: FindingKind | undefined; audit?: string | undefined; subject?: string | undefined; limit: number; offset: number }): Promise<Page<Finding>> {
  let query = db.selectFrom('oversightFindings');
  if (filters.agency) query = query.where('agency', '=', filters.agency);
  if (filters.kind) query = query.where('kind', '=', filters.kind);
  if (filters.audit) query = query.where('auditId', '=', filters.audit);
  if (filters.subject) query = query.where('subject', '=', filters.subject);
  const rows = await query.selectAll().orderBy('raisedAt', 'desc').orderBy('id').limit(filters.limit).offset(filters.offset).execute();
  const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return { items: rows.map((r) => ({ id: r.id, agency: r.agency, kind: r.kind as FindingKind, subject: r.subject, detail: r.detail, audit: r.auditId, raisedAt: r.raisedAt })), total: count(total.n) };
}

export async function listAudits(db: Kysely<Database>, filters: { agency?: string | undefined; status?: string | undefined; limit: number; offset: number }): Promise<Page<Audit>> {
  let query = db.selectFrom('oversightAudits');
  if (filters.agency) query = query.where('agency', '=', filters.agency);
  if (filters.status) query = query.where('status', '=', filters.status);
  const rows = await query.selectAll().orderBy('asOf', 'desc').orderBy('id').limit(filters.limit).offset(filters.offset).execute();
  const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return { items: rows.map(auditFromRow), total: count(total.n) };
}

export async function readAudit(db: Kysely<Database>, id: string): Promise<Audit | null> {
  const row = await db.selectFrom('oversightAudits').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? auditFromRow(row) : null;
}

export async function readOffenceCategories(db: Kysely<Database>): Promise<{ id: string; label: string; statute: string }[]> {
  return db.selectFrom('oversightOffenceCategories').select(['id', 'label', 'statute']).orderBy('position').execute();
}

/** The findings about one authorisation: its own, its uses' and its sharings' (newest first, at most `limit`). */
export async function findingsAbout(db: Kysely<Database>, authorization: string, limit: number): Promise<Finding[]> {
  const { rows } = await sql<{ id: string; agency: string; kind: string; subject: string; detail: string; audit_id: string | null; raised_at: string }>`
    select f.id, f.agency, f.kind, f.subject, f.detail, f.audit_id, f.raised_at from oversight_findings f
    where f.subject = ${`authorization:${authorization}`}
       or f.subject in (select 'use:' || u.id from oversight_uses u where u.authorization_id = ${authorization})
       or f.subject in (select 'sharing:' || s.id from oversight_sharings s where s.authorization_id = ${authorization})
    order by f.raised_at desc, f.id limit ${limit}`.execute(db);
  return rows.map((r) => ({ id: r.id, agency: r.agency, kind: r.kind as FindingKind, subject: r.subject, detail: r.detail, audit: r.audit_id, raisedAt: r.raised_at }));
}
