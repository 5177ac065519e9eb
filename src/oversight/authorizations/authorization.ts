import type { DataCategory } from './data-categories.js';

export const LEGAL_AUTHORITIES = ['warrant', 'court-order', 'consent'] as const;
export type LegalAuthority = (typeof LEGAL_AUTHORITIES)[number];

export const LEGAL_AUTHORITY_LABELS: Readonly<Record<LegalAuthority, string>> = { warrant: 'Warrant', 'court-order': 'Court order', consent: 'Consent' };

/**
 * An authorised use of a surveillance product: under which approval, for which serious crime, by
 * what legal authority, over what window and data, kept how long, and when the target must be
 * told. The docket number and the target are sealed (the row keeps seal-store ids); the public
 * sees the target only as a keyed pseudonym.
 */
export interface Authorization {
  readonly id: string;
  readonly agency: string;
  readonly review: string;
  readonly product: string;
  readonly offenceCategory: string;
  readonly legalAuthority: LegalAuthority;
  readonly issuingCourt: string;
  /** Where the issuing court sits (`federal`, a state): the Wiretap Report's first table. */
  readonly jurisdiction: string;
  /** Seal-store ids: the plaintext lives there only (null once shredded). */
  readonly docketRef: string | null;
  readonly targetRef: string | null;
  /** HMAC-SHA-256 of the target under the agency's key. */
  readonly targetPseudonym: string;
  readonly dataCategories: readonly DataCategory[];
  readonly validFrom: string;
  readonly validTo: string;
  /** The original window's end, before any extension. */
  readonly originalValidTo: string;
  readonly extensions: number;
  readonly retentionDays: number;
  /** validTo + retention: when what was collected must be gone. */
  readonly deletionDueOn: string;
  readonly deletedAt: string | null;
  /** When the target must be told (delayed notice); moved only by a recorded court order. */
  readonly noticeDueOn: string;
  readonly noticeExtensions: number;
  readonly noticeGivenAt: string | null;
  /** `authorized` until the target is told, then `notice-given`. */
  readonly status: string;
  readonly recordedAt: string;
  /** The log entry (row id) of the authorisation: its receipt, and the commitments to the sealed fields. */
  readonly entryId: number;
  /** Sealed fields a court has ordered published: field → value. */
  readonly unsealed: Readonly<Record<string, string>>;
  /**
   * When the target's sealed value was crypto-shredded because retention ended (null: still held).
   * See `retention-shred.ts` for what is shredded, what is kept, and why.
   */
  readonly targetShreddedAt: string | null;
}

/** The date `days` calendar days after an ISO date. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date.slice(0, 10)}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** When data collected under a window ending `validTo` must be deleted. */
export function deletionDueOn(validTo: string, retentionDays: number): string {
  return addDays(validTo, retentionDays);
}
