import { FTM_DATASET, ftmIds } from '../../registry/export/ftm/ftm-entity.js';
import { AGENCY_TYPE_LABELS, type VendorReportRow } from './vendor-report-store.js';

/** A FollowTheMoney entity of the two schemata a report maps to (FtM 3.8: Document, Documentation). */
export interface ReportFtmEntity {
  readonly id: string;
  readonly schema: 'Document' | 'Documentation';
  readonly properties: Readonly<Record<string, readonly string[]>>;
  readonly datasets: readonly string[];
}

/** The NDJSON export's line for a report: `{"type":"vendor-report","record":…}`, annotations included. */
export function vendorReportNdjsonLine(report: VendorReportRow): string {
  return `${JSON.stringify({ type: 'vendor-report', record: report })}\n`;
}

/**
 * A report as FtM: a Document (title, date filed, the vendor's self-identification as summary,
 * each sale and rejected client as a note) and a Documentation linking it to the vendor's
 * organisation entity.
 *
 * @example
 * vendorReportFtm(report).map((e) => JSON.stringify(e)).join('\n');
 */
export function vendorReportFtm(report: VendorReportRow): ReportFtmEntity[] {
  const document = `countersign-vendor-report-${report.id}`;
  const notes = [
    ...report.products.map((p) => `Product or service: ${p}`),
    ...report.sales.map((s) => `Sale: ${s.country}, ${AGENCY_TYPE_LABELS[s.agencyType]}${s.description ? `: ${s.description}` : ''}`),
    ...report.rejectedClients.map((r) => `Client rejected: ${r.country}, ${AGENCY_TYPE_LABELS[r.agencyType]}: ${r.reason}`),
    ...report.annotations.map((a) => `Analyst annotation: ${a.note}`),
  ];
  return [
    { id: document, schema: 'Document', properties: { title: [`Transparency report ${report.year}`], date: [report.filedAt.slice(0, 10)], summary: [report.selfIdentification], notes }, datasets: [FTM_DATASET] },
    { id: `${document}-of`, schema: 'Documentation', properties: { document: [document], entity: [ftmIds.organization(report.vendor)], role: ['Vendor transparency report'] }, datasets: [FTM_DATASET] },
  ];
}
