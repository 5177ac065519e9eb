import type { DraftSubject } from '../disclosure/requests/draft-subject.js';
import { readContractSubject } from '../disclosure/requests/read-record-subjects.js';
import { eoSteps } from '../oversight/reviews/acquisition-review.js';
import type { StoreTransaction } from '../store/store.js';

async function nameOf(tx: StoreTransaction, type: 'organization' | 'product', id: string | null): Promise<string | null> {
  if (id === null) return null;
  return (await tx.registry.getRecord(type, id))?.name ?? null;
}

/**
 * An acquisition review: its agency is asked, its contract (if any) named, and every step EO 14093
 * requires that is "not on the public record" becomes a question of its own.
 */
export async function readReviewSubject(tx: StoreTransaction, id: string, at: string): Promise<DraftSubject | null> {
  const review = await tx.oversight.review(id);
  if (!review) return null;
  const agencyName = await nameOf(tx, 'organization', review.agency);
  if (agencyName === null) return null;
  const contract = review.contract ? await readContractSubject(tx, review.contract) : null;
  const product = (await nameOf(tx, 'product', review.product)) ?? review.product;
  const unpublishedSteps = eoSteps(review, at.slice(0, 10)).filter((s) => s.state === 'not-on-public-record').map((s) => `${s.label} (EO 14093)`);
  return {
    kind: 'review', id, agencyId: review.agency, agencyName, vendorName: (await nameOf(tx, 'organization', review.vendor)) ?? contract?.vendorName ?? null,
    piid: review.contract, awardKey: contract?.awardKey ?? null, awardDate: contract?.awardDate ?? null, description: contract?.description ?? null,
    actions: contract?.actions ?? [], matter: review.contract ? null : `${product}, the subject of ${agencyName}'s acquisition review ${id}`, unpublishedSteps, path: `/acquisition-reviews/${encodeURIComponent(id)}`,
  };
}
