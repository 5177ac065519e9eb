import type { ContractTransaction } from '../contract-transaction.js';
import type { ProcurementEvent } from '../events/classify-event.js';
import type { MatchDecision } from '../matching/types.js';

/**
 * `raised`: an alert (a confident match, recorded in the registry at once). `pending`: a review
 * item (a weak match) waiting for an analyst, who `confirmed` it (then it is recorded) or
 * `dismissed` it.
 */
export type AlertStatus = 'raised' | 'pending' | 'confirmed' | 'dismissed' | 'retracted';

/**
 * Statuses whose alerts anyone may read at their permalink. A retracted alert stays readable there
 * (saying it was retracted and why) but leaves the lists and feeds.
 */
export const PERMALINK_ALERT_STATUSES: readonly AlertStatus[] = ['raised', 'confirmed', 'retracted'];

/** Why and when an editor retracted a published alert (issue #13: retraction, with reason, logged). */
export interface AlertRetraction {
  readonly retractedBy: string;
  readonly retractedAt: string;
  readonly reason: string;
}

/** An analyst's note on a published alert, with the registry source it rests on, if any. */
export interface AlertAnnotation {
  readonly id: string;
  readonly alertId: string;
  readonly note: string;
  readonly source: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
}

/** A screening match kept for the alerts feed and the review queue, one per transaction. */
export interface Alert {
  readonly id: string;
  readonly transactionKey: string;
  readonly awardKey: string;
  readonly piid: string;
  readonly modification: string;
  readonly actionDate: string;
  readonly amount: number;
  readonly organizationId: string;
  readonly organizationName: string;
  readonly event: ProcurementEvent;
  readonly decision: MatchDecision;
  readonly score: number;
  readonly reasons: readonly string[];
  readonly status: AlertStatus;
  /** The screened transaction, so a confirmed review item can be recorded later. */
  readonly transaction: ContractTransaction;
  /** Where it was found: a file and line, or an API URL. */
  readonly origin: string;
  readonly watchlistVersion: string;
  readonly createdAt: string;
  readonly reviewedBy: string | null;
  readonly reviewedAt: string | null;
  readonly reviewNote: string | null;
  /** Set once an editor retracted the alert. */
  readonly retraction?: AlertRetraction | null;
}

export interface AlertFilters {
  readonly status?: AlertStatus | undefined;
  readonly organizationId?: string | undefined;
  readonly decision?: MatchDecision | undefined;
}

/**
 * What alerts need of storage. A review item's details (which organisation, which contract, why)
 * live in the seal store until it is confirmed (`detailsRef`); a raised or confirmed alert's are
 * public columns. A review item whose details were shredded reads as null.
 */
export interface AlertStore {
  /** Whether any alert or review item exists for this transaction (screening twice adds nothing). */
  existsForTransaction(transactionKey: string): Promise<boolean>;
  get(id: string): Promise<Alert | null>;
  /** A raised alert: every field public. */
  insertPublic(alert: Alert): Promise<void>;
  /** A review item: only its id, transaction key, status and decision in the row; the rest in the seal store. */
  insertSealed(alert: Pick<Alert, 'id' | 'transactionKey' | 'status' | 'decision' | 'createdAt'>, detailsRef: string): Promise<void>;
  /** A confirmed review item becomes public: its details are written to the row. */
  publish(alert: Alert): Promise<void>;
  recordReview(id: string, review: Pick<Alert, 'reviewedBy' | 'reviewedAt' | 'reviewNote'>): Promise<void>;
  list(filters: AlertFilters, limit: number, offset: number): Promise<{ items: Alert[]; total: number }>;
  /** Records an editor's retraction on the row, its status `retracted` (the kernel moved it already; a replay moves it here). */
  recordRetraction(id: string, retraction: AlertRetraction): Promise<void>;
  addAnnotation(annotation: AlertAnnotation): Promise<void>;
  /** An alert's annotations, oldest first. */
  annotations(alertId: string): Promise<AlertAnnotation[]>;
}

/** The sealed part of a review item (everything but its id, key, status, decision and dates). */
export type AlertDetails = Omit<Alert, 'id' | 'transactionKey' | 'status' | 'decision' | 'createdAt' | 'reviewedBy' | 'reviewedAt' | 'reviewNote' | 'retraction'>;
