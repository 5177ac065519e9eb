import { sql, type Kysely } from 'kysely';
import { LEGAL_AUTHORITIES, type LegalAuthority } from '../../oversight/authorizations/authorization.js';
import { usesReportSections, type ReportedAuthorization } from '../../oversight/report/uses-report-sections.js';
import { FINDING_KINDS, type FindingKind } from '../../oversight/uses/use.js';
import type { Database } from '../schema.js';
import { auditFromRow } from './kysely-uses-store.js';
import type { ReportSectionReader } from './read-oversight-report.js';

const isLegalAuthority = (v: string): v is LegalAuthority => (LEGAL_AUTHORITIES as readonly string[]).includes(v);
const isFindingKind = (v: string): v is FindingKind => (FINDING_KINDS as readonly string[]).includes(v);

/**
 * The authorised-uses and audits sections of the annual report: the year's authorisations (their
 * window opened in it), uses, findings and signed-off audits of one agency or all, read with a
 * handful of set-based queries — never the sealed columns — and shaped by `usesReportSections`.
 * Notices are judged overdue as of the report's generation, or the year's end once it is over.
 */
export const readUsesReportSections: ReportSectionReader = async (db, scope, now) => {
  const start = `${scope.year}-01-01`;
  const next = `${scope.year + 1}-01-01`;
  const ofAgency = scope.agency === null ? sql`` : sql` and agency = ${scope.agency}`;

  let authorizationRows = db.selectFrom('oversightAuthorizations')
    .select(['agency', 'legalAuthority', 'issuingCourt', 'jurisdiction', 'offenceCategory', 'validFrom', 'originalValidTo', 'validTo', 'extensions', 'noticeDueOn', 'noticeGivenAt', 'noticeExtensions', 'deletedAt'])
    .where('validFrom', '>=', start).where('validFrom', '<', next);
  if (scope.agency !== null) authorizationRows = authorizationRows.where('agency', '=', scope.agency);
  const authorizations: ReportedAuthorization[] = (await authorizationRows.execute()).map((r) => {
    if (!isLegalAuthority(r.legalAuthority)) throw new Error(`an authorisation of ${r.agency} has an unknown legal authority "${r.legalAuthority}"`);
    return { ...r, legalAuthority: r.legalAuthority, extensions: Number(r.extensions), noticeExtensions: Number(r.noticeExtensions) };
  });

  const { rows: useRows } = await sql<{ agency: string; uses: string | number; flagged: string | number | null }>`
    select u.agency, count(*) as uses,
           sum(case when exists (select 1 from oversight_findings f where f.subject = 'use:' || u.id and f.audit_id is null) then 1 else 0 end) as flagged
    from oversight_uses u
    where u.occurred_at >= ${start} and u.occurred_at < ${next}${scope.agency === null ? sql`` : sql` and u.agency = ${scope.agency}`}
    group by u.agency`.execute(db);

  // One-word aliases: the store's camel-case plugin would rename `by_audit`.
  const { rows: findingRows } = await sql<{ kind: string; audited: string | number | null; recorded: string | number | null }>`
    select kind, sum(case when audit_id is null then 0 else 1 end) as audited, sum(case when audit_id is null then 1 else 0 end) as recorded
    from oversight_findings
    where raised_at >= ${start} and raised_at < ${next}${ofAgency}
    group by kind`.execute(db);
  const findings = findingRows.map((r) => {
    if (!isFindingKind(r.kind)) throw new Error(`a finding has an unknown kind "${r.kind}"`);
    return { kind: r.kind, byAudit: Number(r.audited ?? 0), whenRecorded: Number(r.recorded ?? 0) };
  });

  let auditRows = db.selectFrom('oversightAudits').selectAll().where('status', '=', 'signed-off').where('signedOffAt', '>=', start).where('signedOffAt', '<', next);
  if (scope.agency !== null) auditRows = auditRows.where('agency', '=', scope.agency);
  const audits = (await auditRows.execute()).map(auditFromRow);

  let shredded = db.selectFrom('oversightAuthorizations').select((eb) => eb.fn.countAll().as('n')).where('targetShreddedAt', '>=', start).where('targetShreddedAt', '<', next);
  if (scope.agency !== null) shredded = shredded.where('agency', '=', scope.agency);
  const targetsShredded = Number((await shredded.executeTakeFirstOrThrow()).n);

  const agencies = [...new Set([...authorizations.map((a) => a.agency), ...useRows.map((u) => u.agency), ...audits.map((a) => a.agency)])];
  const names = new Map<string, string>();
  if (agencies.length > 0) for (const o of await db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', agencies).execute()) names.set(`organization:${o.id}`, o.name);
  const offenceCategories = await db.selectFrom('oversightOffenceCategories').select(['id', 'label', 'statute']).orderBy('position').execute();

  const yearEnd = `${scope.year}-12-31T23:59:59.999Z`;
  const asOf = now.toISOString() < yearEnd ? now.toISOString() : yearEnd;
  return usesReportSections(
    { authorizations, uses: useRows.map((u) => ({ agency: u.agency, uses: Number(u.uses), flagged: Number(u.flagged ?? 0) })), findings, audits, targetsShredded },
    scope.year, asOf, { names, offenceCategories },
  );
};
