import type { CommandContext } from '../../accounts/command-context.js';
import { openCase, transition } from '../../kernel/workflow/transition.js';
import type { OversightTransaction } from '../oversight-transaction.js';
import type { AcquisitionReview } from './acquisition-review.js';
import { acquisitionReviewWorkflow } from './review-workflow.js';

/** The review steps by their action names (the workflow's transitions). */
export type ReviewAction = keyof typeof acquisitionReviewWorkflow.transitions & string;
export const REVIEW_ACTIONS = Object.keys(acquisitionReviewWorkflow.transitions);

/**
 * Opens an acquisition review (`POST /acquisition-reviews`).
 *
 * @example
 * const review = await openReview({ ctx, input: { agency: 'ice', product: 'graphite', vendor: 'paragon-solutions-us', purpose: '…', requestedStart: '2026-01-01' } }, tx);
 */
export async function openReview({ ctx, input }: { ctx: CommandContext; input: unknown }, tx: OversightTransaction): Promise<AcquisitionReview> {
  return (await openCase({ ctx, workflow: acquisitionReviewWorkflow, via: 'open', input }, tx)).case;
}

/**
 * Runs one step of a review (`determine`, `notice`, `answer-factor`, `stop-work` …) and returns
 * the review after it and the log entry's row id.
 */
export async function runReviewStep({ ctx, id, action, input }: { ctx: CommandContext; id: string; action: string; input: unknown }, tx: OversightTransaction): Promise<{ review: AcquisitionReview; entryId: number }> {
  const result = await transition({ ctx, workflow: acquisitionReviewWorkflow, id, action, input }, tx);
  return { review: result.case, entryId: result.entryId };
}
