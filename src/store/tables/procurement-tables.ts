/**
 * Procurement screening: alerts and review-queue items, their annotations and retractions,
 * and what a screened file said of a contract. Part of `Database` (../schema.ts).
 */

/** A screening match: an alert, or an item in the review queue. */
export interface AlertTable {
  id: string;
  transactionKey: string;
  status: string;
  decision: string;
  /** A review item's details while they are sealed (pending or dismissed): a seal-store value. */
  detailsRef: string | null;
  // Public once raised or confirmed; null while sealed.
  awardKey: string | null;
  piid: string | null;
  modification: string | null;
  actionDate: string | null;
  amount: number | null;
  organizationId: string | null;
  organizationName: string | null;
  event: string | null;
  score: number | null;
  /** JSON array of strings. */
  reasons: string | null;
  /** JSON of the screened transaction. */
  transaction: string | null;
  /** The file name and line, or API URL, it was found in (never a server path). */
  origin: string | null;
  watchlistVersion: string | null;
  createdAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  /** Retraction: who, when and why (null unless retracted). */
  retractedBy: string | null;
  retractedAt: string | null;
  retractionReason: string | null;
}

/** What a screened procurement row says of a contract or transaction, beside its documented values (JSON of a ScreenedObservation). */
export interface ScreenedObservationTable {
  recordType: string;
  recordId: string;
  position: number;
  data: string;
}

/** An analyst's annotation of a published alert. */
export interface AlertAnnotationTable {
  id: string;
  alertId: string;
  note: string;
  sourceId: string | null;
  createdBy: string;
  createdAt: string;
}
