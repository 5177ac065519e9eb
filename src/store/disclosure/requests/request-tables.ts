/** A records request's row (see `DisclosureRequest`); booleans are 0/1. */
export interface DisclosureRequestTable {
  id: string;
  status: string;
  requesterUserId: string;
  requesterName: string;
  jurisdiction: string;
  agencyId: string;
  agencyName: string;
  addressee: string;
  subjectKind: string;
  subjectId: string;
  piid: string | null;
  awardKey: string | null;
  title: string;
  letter: string;
  expedited: number;
  createdAt: string;
  receivedAt: string | null;
  dueDate: string | null;
  daysAllowed: number | null;
  daysUsed: number;
  clockRunningSince: string | null;
  extended: number;
  overdue: number;
  outcome: string | null;
  determinedOn: string | null;
  determinationNote: string | null;
  feeAmount: number | null;
  feePaidAt: string | null;
  closedAt: string | null;
}

export interface DisclosureRequestTrackingTable {
  requestId: string;
  number: string;
  label: string | null;
  addedAt: string;
}

export interface DisclosureRequestMessageTable {
  id: string;
  requestId: string;
  direction: string;
  kind: string;
  subject: string;
  body: string;
  date: string;
  createdAt: string;
}

export interface DisclosureDocumentTable {
  id: string;
  requestId: string;
  messageId: string | null;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  pages: number | null;
  embargoUntil: string;
  embargoExtended: number;
  noticeSentAt: string | null;
  publishedAt: string | null;
  uploadedAt: string;
}

/** A document's bytes and extracted text: private until its embargo ends, never in the log. */
export interface DisclosureDocumentContentTable {
  documentId: string;
  content: Uint8Array;
  text: string;
}

/** The request tables, merged into the store's `Database` in schema.ts. */
export interface DisclosureRequestTables {
  disclosureRequests: DisclosureRequestTable;
  disclosureRequestTracking: DisclosureRequestTrackingTable;
  disclosureRequestMessages: DisclosureRequestMessageTable;
  disclosureDocuments: DisclosureDocumentTable;
  disclosureDocumentContents: DisclosureDocumentContentTable;
}
