import { FINDING_KINDS, type FindingKind } from '../uses/use.js';
import type { AuditPeriod, AuthorizationSummary } from './audit.js';

/** One row of a "by jurisdiction" or "by offence" table. */
export interface StatisticsRow {
  readonly key: string;
  readonly authorizations: number;
  readonly extensions: number;
  /** Mean days of the original authorisation (Wiretap Report: "average length of original authorization"). */
  readonly averageOriginalDays: number;
  /** Mean days added by extensions, over the authorisations extended. */
  readonly averageExtensionDays: number;
  readonly totalDaysAuthorized: number;
}

/**
 * Aggregate statistics of an audit period in the shape of the US Courts' annual Wiretap Report
 * (18 U.S.C. § 2519(3)): authorisations by jurisdiction and by major offence with their
 * original length and extensions, the distribution of durations, notices to targets (given,
 * late, pending), uses and findings. Counts and days only — nothing sealed, no target, no docket.
 */
export interface WiretapStatistics {
  readonly period: { readonly start: string; readonly end: string };
  readonly byJurisdiction: readonly StatisticsRow[];
  readonly byOffence: readonly StatisticsRow[];
  /** Original authorised length, in the report's bands. */
  readonly durations: readonly { readonly band: string; readonly authorizations: number }[];
  readonly extensions: { readonly windows: number; readonly notices: number };
  readonly notices: { readonly given: number; readonly givenLate: number; readonly overdue: number; readonly pending: number };
  readonly uses: { readonly total: number; readonly flaggedWhenRecorded: number };
  readonly findings: readonly { readonly kind: FindingKind; readonly count: number }[];
}

const DURATION_BANDS: readonly { band: string; max: number }[] = [
  { band: '1–10 days', max: 10 }, { band: '11–30 days', max: 30 }, { band: '31–60 days', max: 60 }, { band: '61–90 days', max: 90 }, { band: 'over 90 days', max: Infinity },
];

/** Days from one ISO date to another, both counted (a window of one day is 1). */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000) + 1;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** One Wiretap-Report row per key: how many, extensions, average original and extension length, total days. Sorted by key. */
export function statisticsRowsBy<S extends AuthorizationSummary>(summaries: readonly S[], keyOf: (s: S) => string): StatisticsRow[] {
  const groups = new Map<string, S[]>();
  for (const s of summaries) groups.set(keyOf(s), [...(groups.get(keyOf(s)) ?? []), s]);
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, group]) => {
    const original = group.map((s) => daysInclusive(s.validFrom, s.originalValidTo));
    const extended = group.filter((s) => s.validTo !== s.originalValidTo);
    const extensionDays = extended.map((s) => daysInclusive(s.validFrom, s.validTo) - daysInclusive(s.validFrom, s.originalValidTo));
    return {
      key,
      authorizations: group.length,
      extensions: group.reduce((n, s) => n + s.extensions, 0),
      averageOriginalDays: round1(original.reduce((a, b) => a + b, 0) / group.length),
      averageExtensionDays: extended.length === 0 ? 0 : round1(extensionDays.reduce((a, b) => a + b, 0) / extended.length),
      totalDaysAuthorized: group.reduce((n, s) => n + daysInclusive(s.validFrom, s.validTo), 0),
    };
  });
}

/**
 * Builds the published statistics from the period's authorisations, use counts and findings.
 *
 * @example
 * wiretapStatistics(period, summaries, { total: 100, flaggedWhenRecorded: 2 }, { 'deletion-overdue': 1 });
 */
export function wiretapStatistics(period: AuditPeriod, summaries: readonly AuthorizationSummary[], uses: { total: number; flaggedWhenRecorded: number }, findingsByKind: Readonly<Partial<Record<FindingKind, number>>>): WiretapStatistics {
  const asOfDay = period.asOf.slice(0, 10);
  const durations = DURATION_BANDS.map((b, i) => ({
    band: b.band,
    authorizations: summaries.filter((s) => {
      const days = daysInclusive(s.validFrom, s.originalValidTo);
      return days <= b.max && (i === 0 || days > (DURATION_BANDS[i - 1]?.max ?? 0));
    }).length,
  }));
  const given = summaries.filter((s) => s.noticeGivenAt !== null);
  return {
    period: { start: period.periodStart, end: period.periodEnd },
    byJurisdiction: statisticsRowsBy(summaries, (s) => s.jurisdiction),
    byOffence: statisticsRowsBy(summaries, (s) => s.offenceCategory),
    durations,
    extensions: { windows: summaries.reduce((n, s) => n + s.extensions, 0), notices: summaries.reduce((n, s) => n + s.noticeExtensions, 0) },
    notices: {
      given: given.length,
      givenLate: given.filter((s) => (s.noticeGivenAt ?? '').slice(0, 10) > s.noticeDueOn).length,
      overdue: summaries.filter((s) => s.noticeGivenAt === null && s.noticeDueOn < asOfDay).length,
      pending: summaries.filter((s) => s.noticeGivenAt === null && s.noticeDueOn >= asOfDay).length,
    },
    uses,
    findings: FINDING_KINDS.map((kind) => ({ kind, count: findingsByKind[kind] ?? 0 })),
  };
}
