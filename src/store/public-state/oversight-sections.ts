import { canonicalJson } from '../../ledger/entries/canonical-json.js';
import type { PublicStateSection } from './public-state-section.js';
import { reviewOfRow } from '../oversight/kysely-oversight-store.js';

/** Acquisition reviews, whole, as the public sees them (and their log entries carry them). */
export const acquisitionReviewSection: PublicStateSection = {
  name: 'acquisition-review',
  async items(db) {
    const rows = await db.selectFrom('acquisitionReviews').select(['id', 'status', 'document']).execute();
    return rows.map((r) => [r.id, canonicalJson(reviewOfRow(r))] as const);
  },
};

/** Oversight's public state (the uses helper appends its sections here). */
export const OVERSIGHT_SECTIONS: readonly PublicStateSection[] = [
  acquisitionReviewSection,
];
