/**
 * Oversight: export licences and their provisos, evidence, steps and incidents; destination
 * risk entries; acquisition reviews; community oversight dockets. Part of `Database` (../schema.ts).
 */

/** An export-licence application or licence (migration 0065). */
export interface ExportLicenseTable {
  id: string;
  exporterId: string;
  item: string;
  eccn: string;
  endUserId: string;
  endUse: string;
  destination: string;
  licensingAgency: string;
  status: string;
  appliedAt: string;
  /** JSON: the designations and risk-list entries screening found. */
  screening: string;
  decisionNote: string | null;
  decidedAt: string | null;
  revocationReasons: string | null;
  revokedAt: string | null;
  updatedAt: string;
}

/** A proviso of an approved licence. */
export interface ExportLicenseProvisoTable {
  id: string;
  licenseId: string;
  position: number;
  kind: string;
  text: string;
  dueDate: string | null;
  status: string;
  overdueAt: string | null;
  metAt: string | null;
}

/** Evidence filed against a proviso. */
export interface ExportLicenseEvidenceTable {
  id: string;
  licenseId: string;
  provisoId: string;
  summary: string;
  url: string | null;
  submittedAt: string;
  submittedBy: string;
}

/** One recorded step of a licence, in order. */
export interface ExportLicenseStepTable {
  licenseId: string;
  position: number;
  step: string;
  at: string;
  actor: string;
  note: string | null;
  incidentId: string | null;
}

/** An incident that sent a licence to revocation review. */
export interface ExportLicenseIncidentTable {
  licenseId: string;
  incidentId: string;
  linkedAt: string;
}

/** A destination risk-list entry added by an administrator (the seed list is data in the code). */
export interface DestinationRiskEntryTable {
  id: string;
  country: string;
  reason: string;
  /** JSON arrays of registry ids. */
  sources: string;
  incidents: string;
  addedAt: string;
  addedBy: string;
}

/** An acquisition review under EO 14093 (issue #8): list columns, and the review whole as canonical JSON. */
export interface AcquisitionReviewTable {
  id: string;
  agency: string;
  product: string;
  vendor: string;
  contract: string | null;
  status: string;
  openedOn: string;
  updatedAt: string;
  /** The review as its log entries carry it (status is the column's). */
  document: string;
}

/** A community oversight docket; `proposal`, `notice`, `hearing` and `decision` are JSON text. */
export interface DocketTable {
  id: string;
  jurisdiction: string;
  agency: string;
  technology: string;
  product: string | null;
  vendor: string | null;
  title: string;
  status: string;
  proposal: string;
  openedBy: string;
  openedAt: string;
  notice: string | null;
  hearing: string | null;
  decision: string | null;
  reportDueOn: string | null;
  expiresOn: string | null;
  renewedAt: string | null;
}

/** A comment on a docket: sealed (by reference) until published. */
export interface DocketCommentTable {
  id: string;
  docketId: string;
  status: string;
  textRef: string | null;
  contactRef: string | null;
  text: string | null;
  submittedAt: string;
  moderatedAt: string | null;
  moderatedBy: string | null;
  publishedEntryId: number | null;
}

export interface DocketVoteTable {
  docketId: string;
  member: string;
  vote: string;
  note: string | null;
  castAt: string;
}

/** One annual report period of an approved docket. */
export interface DocketReportTable {
  docketId: string;
  dueOn: string;
  status: string;
  filedAt: string | null;
  late: number;
  /** JSON object of section key to text, once filed. */
  sections: string | null;
}

/** A use of a technology with no approved docket. */
export interface DocketFindingTable {
  id: string;
  jurisdiction: string;
  agency: string;
  technology: string;
  observedOn: string;
  description: string;
  /** JSON array of source ids. */
  sources: string;
  recordedAt: string;
  recordedBy: string;
}
