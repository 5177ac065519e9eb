/**
 * The remedy tables (migration 0075), added to the `Database` description by augmentation so
 * this module's tables are stated next to its store.
 */
export interface ComplaintTable {
  id: string;
  body: string | null;
  status: string;
  receivedAt: string;
  /** SHA-256 of the status token; null for a complaint rebuilt from the log. */
  receiptHash: string | null;
  // Seal-store references (null once erased or when rebuilt from the log).
  nameRef: string | null;
  contactRef: string | null;
  accountRef: string | null;
  evidenceRef: string | null;
  messageRef: string | null;
  routedAt: string | null;
  consentAt: string | null;
  incidentId: string | null;
  outcome: string | null;
  closedAt: string | null;
  erasedAt: string | null;
}

/** One evidence file's AES-256-GCM ciphertext, base64; its key lives in the seal store. */
export interface ComplaintEvidenceTable {
  complaintId: string;
  position: number;
  ciphertext: string;
}

export interface TargetNoticeTable {
  id: string;
  authorizationId: string;
  agency: string | null;
  status: string;
  dueAt: string;
  openedAt: string;
  preparedAt: string | null;
  sentOn: string | null;
  method: string | null;
}

export interface VendorReportTable {
  id: string;
  vendorId: string;
  year: number;
  status: string;
  selfIdentification: string;
  /** JSON arrays. */
  products: string;
  dueDiligence: string;
  risksAddressed: string;
  sales: string;
  rejectedClients: string;
  filedBy: string;
  filedAt: string;
}

export interface VendorReportAnnotationTable {
  id: string;
  reportId: string;
  note: string;
  sourceId: string | null;
  incidentId: string | null;
  createdBy: string;
  createdAt: string;
}

declare module '../schema.js' {
  interface Database {
    complaints: ComplaintTable;
    complaintEvidence: ComplaintEvidenceTable;
    targetNotices: TargetNoticeTable;
    vendorReports: VendorReportTable;
    vendorReportAnnotations: VendorReportAnnotationTable;
  }
}
