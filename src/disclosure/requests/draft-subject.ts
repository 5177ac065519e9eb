/** One dated action on a contract, as a letter cites it ("a stop-work order dated 2024-10-08"). */
export interface SubjectAction {
  readonly date: string;
  /** What happened, in words: "stop-work order", "modification P00001". */
  readonly what: string;
  readonly description: string | null;
}

/**
 * What a request is drafted from: a procurement alert, a contract, an acquisition review or a
 * docket, reduced to what the letter needs. Each kind has a reader (`DraftSubjectReader`); the
 * app wires the readers of modules built elsewhere (reviews, dockets) without this module
 * importing them.
 */
export interface DraftSubject {
  readonly kind: DraftSubjectKind;
  /** The alert id, PIID, review id or docket id. */
  readonly id: string;
  /** The agency that holds the records: a registry organisation id and its name. */
  readonly agencyId: string;
  readonly agencyName: string;
  readonly vendorName: string | null;
  readonly piid: string | null;
  readonly awardKey: string | null;
  readonly awardDate: string | null;
  readonly description: string | null;
  /** Modifications, stop-work orders and the like, oldest first. */
  readonly actions: readonly SubjectAction[];
  /** What the questions are about when there is no contract: "the facial recognition system proposed in docket …". */
  readonly matter: string | null;
  /** Steps of a review or docket that are not on the public record: each becomes a question. */
  readonly unpublishedSteps: readonly string[];
  /** Where the subject is shown on this site: `/alerts/…`, `/contracts/…`. */
  readonly path: string;
}

export const DRAFT_SUBJECT_KINDS = ['alert', 'contract', 'review', 'docket'] as const;
export type DraftSubjectKind = (typeof DRAFT_SUBJECT_KINDS)[number];

/**
 * Reads one kind of subject inside the drafting transaction, as of `at` (an ISO instant: which
 * steps are overdue or missing depends on the day); null when there is no such public subject.
 */
export type DraftSubjectReader<Tx> = (tx: Tx, id: string, at: string) => Promise<DraftSubject | null>;

/** The readers by kind; a kind without a reader is refused with a clear 400. */
export type DraftSubjectReaders<Tx> = Partial<Record<DraftSubjectKind, DraftSubjectReader<Tx>>>;
