import type { Audit, AuthorizationSummary } from '../audits/audit.js';
import { statisticsRowsBy, wiretapStatistics, type StatisticsRow } from '../audits/wiretap-statistics.js';
import { LEGAL_AUTHORITIES, LEGAL_AUTHORITY_LABELS, type LegalAuthority } from '../authorizations/authorization.js';
import type { OffenceCategory } from '../authorizations/offence-categories.js';
import { FINDING_KINDS, FINDING_LABELS, type FindingKind } from '../uses/use.js';
import type { ReportCell, ReportColumn, ReportSection } from './oversight-report.js';

/** What the report needs of one authorisation: the statistics' summary, and who granted it under what — nothing sealed. */
export interface ReportedAuthorization extends AuthorizationSummary {
  readonly agency: string;
  readonly legalAuthority: LegalAuthority;
  readonly issuingCourt: string;
  readonly deletedAt: string | null;
}

/** The year's record of authorised uses and audits, as the store reads it for one agency or all. */
export interface UsesReportRecord {
  /** Authorisations whose window opened in the year (the Wiretap Report counts orders of its year). */
  readonly authorizations: readonly ReportedAuthorization[];
  /** Uses that happened in the year, per agency, and how many raised a finding when recorded. */
  readonly uses: readonly { readonly agency: string; readonly uses: number; readonly flagged: number }[];
  /** Findings raised in the year, per kind: by audits, and when the use or sharing was recorded. */
  readonly findings: readonly { readonly kind: FindingKind; readonly byAudit: number; readonly whenRecorded: number }[];
  /** Audits signed off in the year. */
  readonly audits: readonly Audit[];
  /** Targets crypto-shredded in the year because retention ended. */
  readonly targetsShredded: number;
}

export interface UsesReportLookups {
  /** `organization:ID` → name. */
  readonly names: ReadonlyMap<string, string>;
  readonly offenceCategories: readonly OffenceCategory[];
}

export const USES_SUMMARY_LABELS: Readonly<Record<string, string>> = {
  authorizationsGranted: 'Authorisations (window opened in the year)', usesRecorded: 'Uses recorded', findingsByAudits: 'Findings raised by audits',
  auditsSignedOff: 'Audits signed off', targetsShredded: 'Targets shredded at the end of retention',
};

/** A jurisdiction as entered (`federal`, `new-york`) in words: "Federal", "New York". */
export function jurisdictionLabel(jurisdiction: string): string {
  if (!/^[a-z0-9-]+$/.test(jurisdiction)) return jurisdiction;
  return jurisdiction.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

const lengthColumns: readonly ReportColumn[] = [
  { key: 'authorizations', label: 'Authorisations' }, { key: 'extensions', label: 'Extensions' }, { key: 'averageOriginalDays', label: 'Average original length (days)' },
  { key: 'averageExtensionDays', label: 'Average extension (days)' }, { key: 'totalDaysAuthorized', label: 'Total days authorised' },
];
const lengths = (r: StatisticsRow): Record<string, ReportCell> => ({
  authorizations: r.authorizations, extensions: r.extensions, averageOriginalDays: r.averageOriginalDays, averageExtensionDays: r.averageExtensionDays, totalDaysAuthorized: r.totalDaysAuthorized,
});

/**
 * The authorised-uses and audits sections of the annual report for `year`, in the shape of the
 * US Courts' Wiretap Report (18 U.S.C. § 2519(3)): authorisations by jurisdiction and issuing
 * court, by offence, by legal authority and by length, with extensions, notices to targets and
 * retention; uses recorded; findings by kind; audits signed off. Counts, days and public labels
 * only — no docket number, no target, no pseudonym. Rows keep the codes beside the labels (for
 * JSON readers); the columns, which the HTML and PDF show, name only labels.
 *
 * @example
 * usesReportSections(record, 2026, '2026-12-31', { names, offenceCategories });
 */
export function usesReportSections(record: UsesReportRecord, year: number, asOf: string, lookups: UsesReportLookups): { sections: ReportSection[]; summary: Record<string, number>; summaryLabels: Record<string, string> } {
  const agencyName = (id: string) => lookups.names.get(`organization:${id}`) ?? id;
  const offence = (id: string) => lookups.offenceCategories.find((c) => c.id === id);
  const authorizations = record.authorizations;
  const statistics = wiretapStatistics({ agency: '', periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, asOf }, authorizations, { total: 0, flaggedWhenRecorded: 0 }, {});
  const courtKey = (a: ReportedAuthorization) => `${a.jurisdiction}\n${a.issuingCourt}`;

  const byCourt: ReportSection = {
    key: 'authorizations-by-court', title: 'Authorisations by jurisdiction and issuing court',
    description: `Authorisations of use whose window opened in ${year}, by where the issuing court sits and which court issued them, with their original length and extensions (Wiretap Report, tables 1 and 2).`,
    columns: [{ key: 'jurisdiction', label: 'Jurisdiction' }, { key: 'issuingCourt', label: 'Issuing court' }, ...lengthColumns],
    rows: statisticsRowsBy(authorizations, courtKey).map((r) => {
      const [jurisdiction = '', issuingCourt = ''] = r.key.split('\n');
      return { jurisdiction: jurisdictionLabel(jurisdiction), jurisdictionCode: jurisdiction, issuingCourt, ...lengths(r) };
    }),
  };
  const byOffence: ReportSection = {
    key: 'authorizations-by-offence', title: 'Authorisations by offence',
    description: `Authorisations whose window opened in ${year}, by the serious crime they were granted for (the configured list; US preset: 18 U.S.C. § 2516(1)).`,
    columns: [{ key: 'offence', label: 'Offence' }, { key: 'statute', label: 'Statute' }, ...lengthColumns],
    rows: statistics.byOffence.map((r) => ({ offence: offence(r.key)?.label ?? `${r.key} (no longer a configured category)`, offenceCategory: r.key, statute: offence(r.key)?.statute ?? null, ...lengths(r) })),
  };
  const byAuthority: ReportSection = {
    key: 'authorizations-by-legal-authority', title: 'Authorisations by legal authority',
    description: `Authorisations whose window opened in ${year}, by the legal authority they rest on.`,
    columns: [{ key: 'legalAuthority', label: 'Legal authority' }, { key: 'authorizations', label: 'Authorisations' }],
    rows: LEGAL_AUTHORITIES.map((k) => ({ legalAuthority: LEGAL_AUTHORITY_LABELS[k], legalAuthorityCode: k, authorizations: authorizations.filter((a) => a.legalAuthority === k).length })).filter((r) => r.authorizations > 0),
  };
  const durations: ReportSection = {
    key: 'authorization-durations', title: 'Length of the original authorisation',
    description: `Authorisations whose window opened in ${year}, by the length of the window first authorised (before any extension).`,
    columns: [{ key: 'band', label: 'Original length' }, { key: 'authorizations', label: 'Authorisations' }],
    // Every band once there is anything to count (the table's shape); none in a year without authorisations.
    rows: authorizations.length === 0 ? [] : statistics.durations.map((d) => ({ band: d.band, authorizations: d.authorizations })),
  };
  const asOfDay = asOf.slice(0, 10);
  const handling: ReportSection = {
    key: 'extensions-notices-retention', title: 'Extensions, notices to targets and retention',
    description: `For the authorisations whose window opened in ${year}: court-ordered extensions and delays of notice, notices to the people targeted (overdue and pending as of ${asOfDay}), deletions confirmed; and every target shredded in ${year} because retention ended.`,
    columns: [{ key: 'measure', label: 'What' }, { key: 'count', label: 'Number' }],
    rows: authorizations.length === 0 && record.targetsShredded === 0 ? [] : [
      { measure: 'Windows extended by court order', count: statistics.extensions.windows },
      { measure: 'Notices delayed by court order', count: statistics.extensions.notices },
      { measure: 'Notices given to the target', count: statistics.notices.given },
      { measure: 'of which after the date they were due', count: statistics.notices.givenLate },
      { measure: `Notices overdue on ${asOfDay}`, count: statistics.notices.overdue },
      { measure: `Notices not yet due on ${asOfDay}`, count: statistics.notices.pending },
      { measure: 'Deletions of collected data confirmed', count: authorizations.filter((a) => a.deletedAt !== null).length },
      { measure: `Targets shredded in ${year} at the end of retention`, count: record.targetsShredded },
    ],
  };
  const uses: ReportSection = {
    key: 'uses-recorded', title: 'Uses recorded',
    description: `Uses of surveillance products that happened in ${year}, by agency, and how many broke a rule on record when recorded (outside the window or scope, no valid authorisation, suspended approval, before the notice clock).`,
    columns: [{ key: 'agency', label: 'Agency' }, { key: 'uses', label: 'Uses' }, { key: 'flagged', label: 'Raised a finding when recorded' }],
    rows: [...record.uses].sort((a, b) => agencyName(a.agency).localeCompare(agencyName(b.agency))).map((u) => ({ agency: agencyName(u.agency), agencyId: u.agency, uses: u.uses, flagged: u.flagged })),
  };
  const findingCounts = new Map(record.findings.map((f) => [f.kind, f]));
  const findings: ReportSection = {
    key: 'findings-by-kind', title: 'Findings by kind',
    description: `Findings raised in ${year}: by post-use audits, and at once when a use or a sharing was recorded.`,
    columns: [{ key: 'finding', label: 'Finding' }, { key: 'byAudit', label: 'Raised by audits' }, { key: 'whenRecorded', label: 'Raised when recorded' }],
    rows: FINDING_KINDS.flatMap((kind) => {
      const f = findingCounts.get(kind);
      return f && f.byAudit + f.whenRecorded > 0 ? [{ finding: FINDING_LABELS[kind], kind, byAudit: f.byAudit, whenRecorded: f.whenRecorded }] : [];
    }),
  };
  const audits: ReportSection = {
    key: 'audits-signed-off', title: 'Audits signed off',
    description: `Post-use audits signed off in ${year}: the period each covered, how many findings it raised, and when its statistics were published.`,
    columns: [{ key: 'audit', label: 'Audit', linkTo: '/audits/' }, { key: 'agency', label: 'Agency' }, { key: 'period', label: 'Period' }, { key: 'findings', label: 'Findings' }, { key: 'signedOffOn', label: 'Signed off' }],
    rows: [...record.audits].sort((a, b) => (a.signedOffAt ?? '').localeCompare(b.signedOffAt ?? '')).map((a) => ({
      audit: a.id, agency: agencyName(a.agency), agencyId: a.agency, period: `${a.periodStart} – ${a.periodEnd}`, findings: a.findingsCount, signedOffOn: a.signedOffAt?.slice(0, 10) ?? null,
    })),
  };
  const summary = {
    authorizationsGranted: authorizations.length,
    usesRecorded: record.uses.reduce((n, u) => n + u.uses, 0),
    findingsByAudits: record.findings.reduce((n, f) => n + f.byAudit, 0),
    auditsSignedOff: record.audits.length,
    targetsShredded: record.targetsShredded,
  };
  return { sections: [byCourt, byOffence, byAuthority, durations, handling, uses, findings, audits], summary, summaryLabels: { ...USES_SUMMARY_LABELS } };
}
