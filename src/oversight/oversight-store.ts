import type { AcquisitionReview, ReviewStatus } from './reviews/acquisition-review.js';

/** Filters of the review list. */
export interface ReviewFilters {
  readonly agency?: string | undefined;
  readonly status?: ReviewStatus | undefined;
  readonly product?: string | undefined;
  readonly vendor?: string | undefined;
}

/** A registry record found for a risk factor, as a reference and a title. */
export interface RegistryHit {
  /** `incident:graphite-italy-2025`. */
  readonly ref: string;
  readonly title: string;
  readonly date: string | null;
}

/**
 * What oversight needs of storage (implemented over Kysely in `src/store/oversight/`). The
 * review's state column is moved by the kernel (`compareAndSet`); `saveReview` writes the rest.
 */
export interface OversightStore {
  /** One review, or null. */
  review(id: string): Promise<AcquisitionReview | null>;
  /** Inserts a new review. */
  insertReview(review: AcquisitionReview): Promise<void>;
  /** Writes a review whose state the kernel has already claimed. */
  saveReview(review: AcquisitionReview): Promise<void>;
  /** Inserts or replaces a review whole (replay, dataset). */
  putReview(review: AcquisitionReview): Promise<void>;
  listReviews(filters: ReviewFilters, limit: number, offset: number): Promise<{ items: AcquisitionReview[]; total: number }>;
  /** Whether any review is in one of these states (the re-evaluation subscriber's fast path). */
  anyInStatus(statuses: readonly ReviewStatus[]): Promise<boolean>;
  /** Reviews in one of these states whose product is one of `products` or vendor one of `vendors`. */
  reviewsTouching(statuses: readonly ReviewStatus[], products: readonly string[], vendors: readonly string[]): Promise<AcquisitionReview[]>;

  // Registry reads for the risk factors.
  /** The organisation and its corporate family (parents, subsidiaries, affiliates), ids only, itself first. */
  relatedOrganizations(organization: string): Promise<string[]>;
  /** Products whose vendor is one of these organisations. */
  productsOf(organizations: readonly string[]): Promise<string[]>;
  /** Incidents linked to one of these products or vendors. */
  incidentsTouching(products: readonly string[], vendors: readonly string[]): Promise<RegistryHit[]>;
  /** Designations (listings) of these subjects; `inForce` only those never delisted. */
  designationsOf(subjects: readonly string[]): Promise<(RegistryHit & { authority: string; inForce: boolean })[]>;
  /** `supplier-to` relationships from these organisations (their customers). */
  customersOf(organizations: readonly string[]): Promise<RegistryHit[]>;
  /** Which of these registry references (`type:id`) exist. */
  existingRefs(refs: readonly string[]): Promise<Set<string>>;
}
