/** How the oversight body closed a complaint. */
export const COMPLAINT_OUTCOMES = ['upheld', 'not-upheld', 'referred', 'no-jurisdiction'] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];

export const COMPLAINT_OUTCOME_LABELS: Readonly<Record<ComplaintOutcome, string>> = {
  upheld: 'Upheld',
  'not-upheld': 'Not upheld',
  referred: 'Referred to another body',
  'no-jurisdiction': 'Outside the body’s jurisdiction',
};

export type ComplaintStatus = 'received' | 'under-review' | 'closed';

/** One evidence file as sealed: what it is, its SHA-256, and the key its stored ciphertext opens with. */
export interface EvidenceSeal {
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  /** AES-256-GCM key, IV and tag, hex. */
  readonly key: string;
  readonly iv: string;
  readonly tag: string;
}

/**
 * A complaint as the oversight body sees it. Everything a complainant wrote lives only in the
 * seal store (one group, so one shred erases all of it); those fields read null — and the
 * evidence list empty — once erased.
 */
export interface ComplaintRow {
  readonly id: string;
  readonly body: string | null;
  readonly status: ComplaintStatus;
  readonly receivedAt: string;
  readonly routedAt: string | null;
  readonly consentAt: string | null;
  readonly incidentId: string | null;
  readonly outcome: ComplaintOutcome | null;
  readonly closedAt: string | null;
  readonly erasedAt: string | null;
  readonly name: string | null;
  readonly contact: string | null;
  readonly account: string | null;
  /** What the body wrote back to the complainant on closing (shown on the private status page). */
  readonly message: string | null;
  readonly evidence: readonly EvidenceSeal[];
  /** The seal-store value every sealed field of this complaint is grouped with (null once erased or replayed). */
  readonly sealGroup: string | null;
}

/** A complaint as stored on intake: references to its sealed values and the hash of its status token. */
export interface NewComplaint {
  readonly id: string;
  readonly body: string | null;
  readonly receivedAt: string;
  readonly receiptHash: string | null;
  readonly refs: { readonly name: string; readonly contact: string; readonly account: string; readonly evidence: string } | null;
}

export type ComplaintPatch = Partial<Pick<ComplaintRow, 'status' | 'body' | 'routedAt' | 'consentAt' | 'incidentId' | 'outcome' | 'closedAt' | 'erasedAt'>> & { readonly messageRef?: string | null };

/** What the complaint workflow needs of storage. */
export interface ComplaintStore {
  insertComplaint(complaint: NewComplaint): Promise<void>;
  findComplaint(id: string): Promise<ComplaintRow | null>;
  /** The complaint whose status token hashes to this. */
  findComplaintByReceipt(receiptHash: string): Promise<ComplaintRow | null>;
  /** The receipt hash of a complaint (for the complainant's own steps). */
  receiptHashOf(id: string): Promise<string | null>;
  updateComplaint(id: string, patch: ComplaintPatch): Promise<void>;
  /** Complaints of these bodies (all bodies and unrouted ones when `bodies` is 'all'), newest first. */
  listComplaints(query: { bodies: readonly string[] | 'all'; status?: ComplaintStatus | undefined; limit: number; offset: number }): Promise<{ items: ComplaintRow[]; total: number }>;
  insertEvidence(complaintId: string, position: number, ciphertext: Buffer): Promise<void>;
  evidenceCiphertext(complaintId: string, position: number): Promise<Buffer | null>;
  deleteEvidence(complaintId: string): Promise<void>;
}
