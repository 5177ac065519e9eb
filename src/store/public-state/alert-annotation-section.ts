import { canonicalJson } from '../../ledger/entries/canonical-json.js';
import type { PublicStateSection } from './public-state-section.js';

/** Analysts' annotations of published alerts: each with its note, source, author and time. */
export const alertAnnotationSection: PublicStateSection = {
  name: 'alert-annotation',
  async items(db) {
    const rows = await db.selectFrom('alertAnnotations').selectAll().execute();
    return rows.map((r) => [r.id, canonicalJson({ ...r })] as const);
  },
};
