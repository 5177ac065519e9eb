import { z } from 'zod';
import {
  acquisitionReviewSchema, eoSteps, FACTOR_LABELS, isApprovalActive, noticeGivenOn, REVIEW_STATUS_LABELS, riskFactorSchema, useOpensOn, type AcquisitionReview,
} from '../../../oversight/reviews/acquisition-review.js';

const eoStepPresenter = z.object({
  key: z.string(), label: z.string(), state: z.enum(['done', 'pending', 'overdue', 'not-on-public-record', 'not-applicable']), date: z.string().nullable(), detail: z.string().nullable(),
});

/**
 * An acquisition review as the API shows it: the review whole (risk factors with their evidence as
 * registry references such as `incident:graphite-italy-2025`), its status in words, the date
 * operational use may start (`useMayStartOn`: 7 calendar days after the notice to the APNSA, or
 * the consent), the notice date (`noticeGivenOn`), and each step EO 14093 requires.
 */
export const reviewPresenter = acquisitionReviewSchema.extend({
  statusLabel: z.string(),
  factors: z.array(riskFactorSchema.extend({ label: z.string() })),
  approvalActive: z.boolean().describe('approved (with or without conditions), not stopped, not under re-evaluation'),
  useMayStartOn: z.string().nullable().describe('the date operational use may start; null while no notice or consent is on the record'),
  noticeGivenOn: z.string().nullable(),
  eoSteps: z.array(eoStepPresenter),
  url: z.string(),
});

export function presentReview(review: AcquisitionReview, today: string): z.infer<typeof reviewPresenter> {
  return {
    ...review,
    statusLabel: REVIEW_STATUS_LABELS[review.status],
    factors: review.factors.map((f) => ({ ...f, label: FACTOR_LABELS[f.kind] })),
    approvalActive: isApprovalActive(review),
    useMayStartOn: useOpensOn(review),
    noticeGivenOn: noticeGivenOn(review),
    eoSteps: eoSteps(review, today),
    url: `/acquisition-reviews/${review.id}`,
  };
}
