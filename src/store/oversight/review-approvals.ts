import type { OversightStore } from '../../oversight/oversight-store.js';
import type { ReviewApproval, ReviewApprovals } from '../../oversight/authorizations/review-approval.js';
import { isApprovalActive, useOpensOn } from '../../oversight/reviews/acquisition-review.js';

/** Authorisations read reviews through the acquisition reviews' own store and rules (active, notice clock). */
export function reviewApprovals(reviews: Pick<OversightStore, 'review'>): ReviewApprovals {
  return {
    async approval(id: string): Promise<ReviewApproval | null> {
      const review = await reviews.review(id);
      if (!review) return null;
      return { id: review.id, agency: review.agency, product: review.product, vendor: review.vendor, status: review.status, active: isApprovalActive(review), useOpensOn: useOpensOn(review) };
    },
  };
}
