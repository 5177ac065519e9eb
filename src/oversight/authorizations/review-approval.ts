import { CommandError } from '../../core/command-error.js';

/**
 * What an authorisation needs to know of the acquisition review it relies on (EO 14093 §§ 2–3),
 * read through the reviews' store: whose it is, for which product, where it stands and from when
 * operational use may begin (7 calendar days after the notice to the APNSA, or the APNSA's consent).
 */
export interface ReviewApproval {
  readonly id: string;
  readonly agency: string;
  readonly product: string;
  readonly vendor: string;
  /** The review's state, as its workflow names it (`approved`, `stopped`, `re-evaluation-required` …). */
  readonly status: string;
  /** Approved (with or without conditions) and neither stopped nor awaiting re-evaluation. */
  readonly active: boolean;
  /** The first day operational use may start (ISO date); null while no notice has been recorded. */
  readonly useOpensOn: string | null;
}

/** Reads reviews for authorisations and uses (implemented over the acquisition reviews' tables). */
export interface ReviewApprovals {
  approval(reviewId: string): Promise<ReviewApproval | null>;
}

/** The ISO date of an instant or a date. */
export function dayOf(dateOrInstant: string): string {
  return dateOrInstant.slice(0, 10);
}

/**
 * Refuses an authorisation the review cannot carry: an approval that is not active (not approved,
 * stopped, awaiting re-evaluation), or a window that starts before the notice clock opens — the
 * refusal names the date it opens (EO 14093 § 3(a)(ii): no operational use until 7 days after
 * the notice).
 */
export function assertApprovalCarries(approval: ReviewApproval, validFrom: string): void {
  if (!approval.active) {
    throw new CommandError({
      code: 'CONFLICT',
      message: `acquisition review ${approval.id} is ${approval.status.replace(/-/g, ' ')}, not an active approval: no use of ${approval.product} may be authorised under it`,
      issues: [{ path: 'review', message: `the review is ${approval.status}` }],
    });
  }
  if (approval.useOpensOn === null) {
    throw new CommandError({
      code: 'CONFLICT',
      message: `acquisition review ${approval.id} has no notice to the APNSA on record: the notice clock has not started, so no operational use may be authorised yet`,
      issues: [{ path: 'validFrom', message: 'the notice clock has not opened' }],
    });
  }
  if (dayOf(validFrom) < approval.useOpensOn) {
    throw new CommandError({
      code: 'CONFLICT',
      message: `operational use under acquisition review ${approval.id} opens on ${approval.useOpensOn}; an authorisation valid from ${dayOf(validFrom)} is refused (EO 14093: 7 days after the notice to the APNSA, or its consent)`,
      issues: [{ path: 'validFrom', message: `must be on or after ${approval.useOpensOn}, when operational use opens` }],
    });
  }
}
