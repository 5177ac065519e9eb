import type { Kysely } from 'kysely';
import { reviewReportSections, type OversightReport, type ReportSection } from '../../oversight/report/oversight-report.js';
import type { AcquisitionReview } from '../../oversight/reviews/acquisition-review.js';
import type { Database } from '../schema.js';
import { KyselyOversightStore } from './kysely-oversight-store.js';
import { readUsesReportSections } from './read-uses-report.js';

/** What a report covers. */
export interface ReportScope {
  readonly year: number;
  /** One agency, or every agency. */
  readonly agency: string | null;
}

/**
 * Reads one kind of report section (and its headline figures, with their labels) from the
 * database, as of `now`. The review sections come first, then authorised uses and audits
 * (`read-uses-report.ts`) — the renderers need nothing else.
 */
export type ReportSectionReader = (db: Kysely<Database>, scope: ReportScope, now: Date) => Promise<{ sections: ReportSection[]; summary: Record<string, number>; summaryLabels: Record<string, string> }>;

function allReviews(db: Kysely<Database>, agency: string | null): Promise<AcquisitionReview[]> {
  return new KyselyOversightStore(db).allReviews(agency);
}

/** The acquisition-review sections: approvals in force, ended or suspended, purchases. */
export const readReviewSections: ReportSectionReader = async (db, scope) => {
  const reviews = await allReviews(db, scope.agency);
  const orgs = [...new Set(reviews.flatMap((r) => [r.agency, r.vendor]))];
  const products = [...new Set(reviews.map((r) => r.product))];
  const piids = [...new Set(reviews.flatMap((r) => (r.contract ? [r.contract] : [])))];
  const names = new Map<string, string>();
  if (orgs.length) for (const o of await db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', orgs).execute()) names.set(`organization:${o.id}`, o.name);
  if (products.length) for (const p of await db.selectFrom('products').select(['id', 'name']).where('id', 'in', products).execute()) names.set(`product:${p.id}`, p.name);
  const contracts = new Map<string, { value: number | null; currency: string | null }>();
  if (piids.length) for (const c of await db.selectFrom('contracts').select(['piid', 'value', 'currency']).where('piid', 'in', piids).execute()) contracts.set(c.piid, { value: c.value === null ? null : Number(c.value), currency: c.currency });
  return reviewReportSections(reviews, scope.year, { names, contracts });
};

/** Every section reader of the annual report, in order (one per line; uses and audits append theirs). */
export const REPORT_SECTION_READERS: readonly ReportSectionReader[] = [
  readReviewSections,
  readUsesReportSections,
];

/**
 * The annual oversight report for a year (and an agency), generated from the record.
 *
 * @example
 * const report = await readOversightReport(store.db, { year: 2026, agency: 'ice' }, new Date());
 */
export async function readOversightReport(db: Kysely<Database>, scope: ReportScope, now: Date, readers: readonly ReportSectionReader[] = REPORT_SECTION_READERS): Promise<OversightReport> {
  const sections: ReportSection[] = [];
  const summary: Record<string, number> = {};
  const summaryLabels: Record<string, string> = {};
  for (const read of readers) {
    const part = await read(db, scope, now);
    sections.push(...part.sections);
    Object.assign(summary, part.summary);
    Object.assign(summaryLabels, part.summaryLabels);
  }
  return { year: scope.year, agency: scope.agency, generatedAt: now.toISOString(), summary, summaryLabels, sections };
}
