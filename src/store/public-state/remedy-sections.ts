import { canonicalJson } from '../../ledger/entries/canonical-json.js';
import type { PublicStateSection } from './public-state-section.js';
import '../disclosure/remedy-tables.js';

/** A complaint's public part: its body, state, dates, outcome and (with consent) incident — nothing of the complainant. */
const complaintSection: PublicStateSection = {
  name: 'complaint',
  async items(db) {
    const rows = await db.selectFrom('complaints').select(['id', 'body', 'status', 'receivedAt', 'routedAt', 'incidentId', 'outcome', 'closedAt']).execute();
    return rows.map((r) => [r.id, canonicalJson({ ...r })] as const);
  },
};

const noticeSection: PublicStateSection = {
  name: 'target-notice',
  async items(db) {
    const rows = await db.selectFrom('targetNotices').selectAll().execute();
    return rows.map((r) => [r.id, canonicalJson({ ...r })] as const);
  },
};

const vendorReportSection: PublicStateSection = {
  name: 'vendor-report',
  async items(db) {
    const rows = await db.selectFrom('vendorReports').selectAll().execute();
    return rows.map((r) => [r.id, canonicalJson({ ...r, year: Number(r.year) })] as const);
  },
};

const annotationSection: PublicStateSection = {
  name: 'vendor-report-annotation',
  async items(db) {
    const rows = await db.selectFrom('vendorReportAnnotations').selectAll().execute();
    return rows.map((r) => [r.id, canonicalJson({ ...r })] as const);
  },
};

/** Complaints (public part), notices to targets, vendor transparency reports and their annotations. */
export const REMEDY_SECTIONS: readonly PublicStateSection[] = [complaintSection, noticeSection, vendorReportSection, annotationSection];
