import { sql, type Kysely, type Selectable } from 'kysely';
import type { Authorization, LegalAuthority } from '../../oversight/authorizations/authorization.js';
import { dataCategoryListSchema, dataCategoryMask } from '../../oversight/authorizations/data-categories.js';
import type { OffenceCategory } from '../../oversight/authorizations/offence-categories.js';
import type { ReviewApproval, ReviewApprovals } from '../../oversight/authorizations/review-approval.js';
import type { Audit, AuditPeriod, AuthorizationSummary } from '../../oversight/audits/audit.js';
import type { WiretapStatistics } from '../../oversight/audits/wiretap-statistics.js';
import type { Finding, FindingKind, Sharing } from '../../oversight/uses/use.js';
import type { UseRow, UsesStore } from '../../oversight/uses/uses-store.js';
import type { Database } from '../schema.js';
import type { OversightAuditTable, OversightAuthorizationTable, OversightUseTable } from '../oversight-uses-schema.js';
import { auditChecks } from './audit-check-queries.js';

const LEGAL: readonly string[] = ['warrant', 'court-order', 'consent'];

export function authorizationFromRow(r: Selectable<OversightAuthorizationTable>): Authorization {
  if (!LEGAL.includes(r.legalAuthority)) throw new Error(`authorisation ${r.id} has an unknown legal authority "${r.legalAuthority}"`);
  const unsealed: unknown = JSON.parse(r.unsealed);
  return {
    id: r.id, agency: r.agency, review: r.review, product: r.product, offenceCategory: r.offenceCategory, legalAuthority: r.legalAuthority as LegalAuthority,
    issuingCourt: r.issuingCourt, jurisdiction: r.jurisdiction, docketRef: r.docketRef, targetRef: r.targetRef, targetPseudonym: r.targetPseudonym,
    dataCategories: dataCategoryListSchema.parse(JSON.parse(r.dataCategories)), validFrom: r.validFrom, validTo: r.validTo, originalValidTo: r.originalValidTo,
    extensions: Number(r.extensions), retentionDays: Number(r.retentionDays), deletionDueOn: r.deletionDueOn, deletedAt: r.deletedAt, noticeDueOn: r.noticeDueOn,
    noticeExtensions: Number(r.noticeExtensions), noticeGivenAt: r.noticeGivenAt, status: r.status, recordedAt: r.recordedAt, entryId: Number(r.entryId ?? 0),
    unsealed: typeof unsealed === 'object' && unsealed !== null ? Object.fromEntries(Object.entries(unsealed).filter((e): e is [string, string] => typeof e[1] === 'string')) : {},
    targetShreddedAt: r.targetShreddedAt,
  };
}

export function useFromRow(r: Selectable<OversightUseTable>): UseRow {
  return {
    id: r.id, agency: r.agency, authorization: r.authorizationId, cited: r.cited, occurredAt: r.occurredAt, recordedAt: r.recordedAt,
    dataCategories: dataCategoryListSchema.parse(JSON.parse(r.dataCategories)), approvalActive: Number(r.approvalActive) === 1, beforeNoticeClock: Number(r.beforeNoticeClock) === 1,
  };
}

export function auditFromRow(r: Selectable<OversightAuditTable>): Audit {
  return {
    id: r.id, agency: r.agency, periodStart: r.periodStart, periodEnd: r.periodEnd, asOf: r.asOf, status: r.status, runBy: r.runBy, findingsCount: Number(r.findingsCount),
    findingsDigest: r.findingsDigest, findingsByKind: JSON.parse(r.findingsByKind) as Partial<Record<FindingKind, number>>, signedOffAt: r.signedOffAt, signedOffBy: r.signedOffBy,
    note: r.note, statistics: r.statistics === null ? null : (JSON.parse(r.statistics) as WiretapStatistics),
  };
}

/** The day after an ISO date: the exclusive end of a period. */
export function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Authorisations, uses and audits over Kysely; reviews are read through the acquisition reviews' store. */
export class KyselyUsesStore implements UsesStore {
  readonly #db: Kysely<Database>;
  readonly #approvals: ReviewApprovals;

  constructor(db: Kysely<Database>, approvals: ReviewApprovals) {
    this.#db = db;
    this.#approvals = approvals;
  }

  approval(reviewId: string): Promise<ReviewApproval | null> {
    return this.#approvals.approval(reviewId);
  }

  async offenceCategories(): Promise<OffenceCategory[]> {
    return this.#db.selectFrom('oversightOffenceCategories').select(['id', 'label', 'statute']).orderBy('position').execute();
  }

  async replaceOffenceCategories(categories: readonly OffenceCategory[]): Promise<void> {
    await this.#db.deleteFrom('oversightOffenceCategories').execute();
    if (categories.length > 0) await this.#db.insertInto('oversightOffenceCategories').values(categories.map((c, position) => ({ id: c.id, label: c.label, statute: c.statute, position }))).execute();
  }

  async agencyKeyRef(agency: string): Promise<string | null> {
    return (await this.#db.selectFrom('oversightAgencyKeys').select('keyRef').where('agency', '=', agency).executeTakeFirst())?.keyRef ?? null;
  }

  async insertAgencyKey(agency: string, keyRef: string, at: string): Promise<boolean> {
    // On PostgreSQL two first authorisations of an agency may race: the second waits for the first to commit, then inserts nothing.
    const result = await this.#db.insertInto('oversightAgencyKeys').values({ agency, keyRef, createdAt: at }).onConflict((oc) => oc.column('agency').doNothing()).executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  async authorization(id: string): Promise<Authorization | null> {
    const row = await this.#db.selectFrom('oversightAuthorizations').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? authorizationFromRow(row) : null;
  }

  async authorizationAtIndex(index: bigint): Promise<Authorization | null> {
    if (index > BigInt(Number.MAX_SAFE_INTEGER)) return null;
    const entry = await this.#db.selectFrom('logEntries').select('id').where('leafIndex', '=', Number(index)).executeTakeFirst();
    if (!entry) return null;
    const row = await this.#db.selectFrom('oversightAuthorizations').selectAll().where('entryId', '=', Number(entry.id)).executeTakeFirst();
    return row ? authorizationFromRow(row) : null;
  }

  async entryIndex(entryId: number): Promise<number | null> {
    const row = await this.#db.selectFrom('logEntries').select('leafIndex').where('id', '=', entryId).executeTakeFirst();
    return row?.leafIndex === null || row?.leafIndex === undefined ? null : Number(row.leafIndex);
  }

  async insertAuthorization(a: Authorization): Promise<void> {
    await this.#db.insertInto('oversightAuthorizations').values({
      id: a.id, agency: a.agency, review: a.review, product: a.product, offenceCategory: a.offenceCategory, legalAuthority: a.legalAuthority, issuingCourt: a.issuingCourt,
      jurisdiction: a.jurisdiction, docketRef: a.docketRef, targetRef: a.targetRef, targetPseudonym: a.targetPseudonym, dataCategories: JSON.stringify(a.dataCategories),
      scopeMask: dataCategoryMask(a.dataCategories), validFrom: a.validFrom, validTo: a.validTo, originalValidTo: a.originalValidTo, extensions: a.extensions,
      retentionDays: a.retentionDays, deletionDueOn: a.deletionDueOn, deletedAt: a.deletedAt, noticeDueOn: a.noticeDueOn, noticeExtensions: a.noticeExtensions,
      noticeGivenAt: a.noticeGivenAt, status: a.status, recordedAt: a.recordedAt, entryId: a.entryId === 0 ? null : a.entryId, unsealed: JSON.stringify(a.unsealed),
      targetShreddedAt: a.targetShreddedAt,
    }).execute();
  }

  async updateAuthorization(id: string, changes: Parameters<UsesStore['updateAuthorization']>[1]): Promise<void> {
    const { unsealed, ...rest } = changes;
    await this.#db.updateTable('oversightAuthorizations').set({ ...rest, ...(unsealed ? { unsealed: JSON.stringify(unsealed) } : {}) }).where('id', '=', id).execute();
  }

  async use(id: string): Promise<UseRow | null> {
    const row = await this.#db.selectFrom('oversightUses').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? useFromRow(row) : null;
  }

  async insertUse(u: UseRow): Promise<void> {
    await this.#db.insertInto('oversightUses').values({
      id: u.id, agency: u.agency, authorizationId: u.authorization, cited: u.cited, occurredAt: u.occurredAt, recordedAt: u.recordedAt, dataCategories: JSON.stringify(u.dataCategories),
      categoryMask: dataCategoryMask(u.dataCategories), approvalActive: u.approvalActive ? 1 : 0, beforeNoticeClock: u.beforeNoticeClock ? 1 : 0, status: 'recorded',
    }).execute();
  }

  async insertFindings(findings: readonly Finding[]): Promise<void> {
    // 7 columns a row: 100 rows keep each statement well under SQLite's bound-parameter limit.
    for (let i = 0; i < findings.length; i += 100) {
      await this.#db.insertInto('oversightFindings').values(findings.slice(i, i + 100).map((f) => ({ id: f.id, agency: f.agency, kind: f.kind, subject: f.subject, detail: f.detail, auditId: f.audit, raisedAt: f.raisedAt }))).execute();
    }
  }

  async insertSharing(s: Sharing): Promise<void> {
    await this.#db.insertInto('oversightSharings').values({ id: s.id, authorizationId: s.authorization, agency: s.agency, recipient: s.recipient, legalBasis: s.legalBasis, sharedAt: s.sharedAt, recordedAt: s.recordedAt }).execute();
  }

  async audit(id: string): Promise<Audit | null> {
    const row = await this.#db.selectFrom('oversightAudits').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? auditFromRow(row) : null;
  }

  async insertAudit(a: Audit): Promise<void> {
    await this.#db.insertInto('oversightAudits').values({
      id: a.id, agency: a.agency, periodStart: a.periodStart, periodEnd: a.periodEnd, asOf: a.asOf, status: a.status, runBy: a.runBy, findingsCount: a.findingsCount,
      findingsDigest: a.findingsDigest, findingsByKind: JSON.stringify(a.findingsByKind), signedOffAt: a.signedOffAt, signedOffBy: a.signedOffBy, note: a.note,
      statistics: a.statistics === null ? null : JSON.stringify(a.statistics),
    }).execute();
  }

  async updateAudit(id: string, changes: Parameters<UsesStore['updateAudit']>[1]): Promise<void> {
    const { statistics, ...rest } = changes;
    await this.#db.updateTable('oversightAudits').set({ ...rest, ...(statistics !== undefined ? { statistics: statistics === null ? null : JSON.stringify(statistics) } : {}) }).where('id', '=', id).execute();
  }

  auditChecks(period: AuditPeriod): AsyncIterable<Omit<Finding, 'id' | 'audit' | 'raisedAt'>> {
    return auditChecks(this.#db, period);
  }

  async authorizationSummaries(period: AuditPeriod): Promise<AuthorizationSummary[]> {
    return this.#db.selectFrom('oversightAuthorizations')
      .select(['jurisdiction', 'offenceCategory', 'validFrom', 'originalValidTo', 'validTo', 'extensions', 'noticeDueOn', 'noticeGivenAt', 'noticeExtensions'])
      .where('agency', '=', period.agency).where('validFrom', '>=', period.periodStart).where('validFrom', '<=', period.periodEnd)
      .execute()
      .then((rows) => rows.map((r) => ({ ...r, extensions: Number(r.extensions), noticeExtensions: Number(r.noticeExtensions) })));
  }

  async useCounts(period: AuditPeriod): Promise<{ uses: number; flagged: number }> {
    const { rows } = await sql<{ uses: string | number; flagged: string | number | null }>`
      select count(*) as uses,
             sum(case when exists (select 1 from oversight_findings f where f.subject = 'use:' || u.id and f.audit_id is null) then 1 else 0 end) as flagged
      from oversight_uses u
      where u.agency = ${period.agency} and u.occurred_at >= ${period.periodStart} and u.occurred_at < ${dayAfter(period.periodEnd)}`.execute(this.#db);
    const row = rows[0];
    if (!row) throw new Error('count(*) returned no row');
    return { uses: Number(row.uses), flagged: Number(row.flagged ?? 0) };
  }

}
