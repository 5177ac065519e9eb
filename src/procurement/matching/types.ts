/**
 * The contract between the registry (which compiles the watchlist), the recipient matcher (which
 * scores a transaction's recipient against it) and the screening engine (which runs the matcher
 * inside worker threads). Everything here is plain JSON-serialisable data so a compiled watchlist
 * can be posted to a worker.
 */

/** A name the registry knows an organisation by. */
export interface WatchlistName {
  readonly value: string;
  readonly kind: 'primary' | 'alias' | 'former';
}

/** One registry organisation, with everything the matcher may use. */
export interface WatchlistEntry {
  /** The registry id an alert is raised for (the record itself, e.g. `paragon-solutions-us`). */
  readonly organizationId: string;
  /** The registry record's primary name. */
  readonly organizationName: string;
  readonly names: readonly WatchlistName[];
  /** Identifiers known to the registry; empty arrays where none are known. */
  readonly identifiers: {
    readonly uei: readonly string[];
    readonly duns: readonly string[];
    readonly cage: readonly string[];
  };
  /**
   * How this record relates to others on the watchlist (subsidiary-of, affiliate-of, …), so a
   * reason can say "subsidiary of Paragon Solutions Ltd.".
   */
  readonly related: readonly { readonly organizationId: string; readonly organizationName: string; readonly relation: string }[];
}

/** What the registry compiles for screening. `version` changes whenever the registry does. */
export interface Watchlist {
  readonly version: string;
  readonly entries: readonly WatchlistEntry[];
}

/** The identifying fields of a transaction's recipient; empty string where a field is blank. */
export interface RecipientFields {
  readonly uei: string;
  readonly duns: string;
  readonly cage: string;
  readonly parentUei: string;
  readonly parentDuns: string;
  readonly name: string;
  readonly nameRaw: string;
  readonly doingBusinessAs: string;
  readonly parentName: string;
  readonly parentNameRaw: string;
}

/** `alert` raises an alert; `review` puts the match in the analysts' review queue instead. */
export type MatchDecision = 'alert' | 'review';

export interface RecipientMatch {
  readonly organizationId: string;
  readonly organizationName: string;
  readonly decision: MatchDecision;
  /** 0 to 1; identifier matches score 1. */
  readonly score: number;
  /** Human-readable, each one feature that contributed, e.g. `recipient UEI NW6QFTZACWM7 is Paragon Solutions (US) Inc.'s`. */
  readonly reasons: readonly string[];
}

export interface RecipientMatcher {
  /** The best match for a recipient, or null when nothing on the watchlist is close enough to review. */
  match(fields: RecipientFields): RecipientMatch | null;
}
