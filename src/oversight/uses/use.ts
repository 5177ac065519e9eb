import type { DataCategory } from '../authorizations/data-categories.js';

/** Kinds of finding: each a way a use or its data handling broke the rules on record. */
export const FINDING_KINDS = [
  'use-without-authorization',
  'use-outside-window',
  'use-beyond-scope',
  'use-under-suspended-approval',
  'use-before-notice-clock',
  'deletion-overdue',
  'notice-overdue',
  'sharing-without-basis',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_LABELS: Readonly<Record<FindingKind, string>> = {
  'use-without-authorization': 'Use without a valid authorisation',
  'use-outside-window': 'Use outside the authorised window',
  'use-beyond-scope': 'Use beyond the authorised data categories',
  'use-under-suspended-approval': 'Use under a suspended approval',
  'use-before-notice-clock': 'Use before the notice clock opened',
  'deletion-overdue': 'Deletion overdue',
  'notice-overdue': 'Notice to the target overdue',
  'sharing-without-basis': 'Sharing without a legal basis',
};

/** One recorded use of a product: what it cites, when it happened, what it collected. */
export interface Use {
  readonly id: string;
  readonly agency: string;
  /** The authorisation it cites, if one of that id (or log receipt) exists. */
  readonly authorization: string | null;
  /** What the use cited, as given (an id or `log:INDEX`). */
  readonly cited: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly dataCategories: readonly DataCategory[];
}

/** A public finding: raised when a use is recorded, or by an audit. */
export interface Finding {
  readonly id: string;
  readonly agency: string;
  readonly kind: FindingKind;
  /** `use:ID`, `authorization:ID`, `sharing:ID`. */
  readonly subject: string;
  readonly detail: string;
  /** The audit that found it (null: raised when the use was recorded). */
  readonly audit: string | null;
  readonly raisedAt: string;
}

/** Data shared outside the agency under an authorisation. */
export interface Sharing {
  readonly id: string;
  readonly authorization: string;
  readonly agency: string;
  readonly recipient: string;
  /** The legal basis cited; null when none was (an audit finding). */
  readonly legalBasis: string | null;
  readonly sharedAt: string;
  readonly recordedAt: string;
}
