import type { RecordType } from '../schemas/common.js';
import type { SearchQuery } from './search-query.js';

/** A stored search text that the full-text index matched. */
export interface MatchedDocument {
  readonly recordType: RecordType;
  readonly recordId: string;
  readonly field: 'name' | 'alias' | 'former' | 'text';
  readonly content: string;
}

export interface RankedMatch {
  readonly recordType: RecordType;
  readonly recordId: string;
  /** Lower is better: 4 × field tier + match quality. */
  readonly rank: number;
  /** The text that matched best, for "matched alias Saito Tech Ltd." hints. */
  readonly best: MatchedDocument;
}

const FIELD_TIER = { name: 0, alias: 1, former: 2, text: 3 } as const;
const TYPE_ORDER: readonly RecordType[] = ['organization', 'person', 'product', 'incident', 'contract', 'designation', 'relationship', 'transaction', 'policy', 'source'];

/**
 * How well one text matches: 0 the whole text, 1 the text starts with the query, 2 every word
 * starts a word of the text in order, 3 anything the index matched.
 */
function quality(content: string, query: SearchQuery): number {
  if (content === query.folded) return 0;
  if (content.startsWith(query.folded)) return 1;
  const words = content.split(' ');
  let at = 0;
  for (const word of query.words) {
    const found = words.findIndex((w, i) => i >= at && w.startsWith(word));
    if (found < 0) return 3;
    at = found + 1;
  }
  return 2;
}

/**
 * Orders records by their best matching text: names before aliases before former names before
 * other text; within that, exact before prefix before scattered words; then organisations before
 * people, products, incidents and contracts; then by name. Deterministic, and the same on both
 * backends because it runs here rather than in each database's ranking function.
 *
 * @example
 * rankMatches(docs, parseSearchQuery('paragon'), names); // Paragon Solutions (US) Inc., Paragon Solutions Ltd., …
 */
export function rankMatches(docs: readonly MatchedDocument[], query: SearchQuery, nameOf: (type: RecordType, id: string) => string): RankedMatch[] {
  const best = new Map<string, RankedMatch>();
  for (const doc of docs) {
    const rank = FIELD_TIER[doc.field] * 4 + quality(doc.content, query);
    const key = `${doc.recordType}:${doc.recordId}`;
    const current = best.get(key);
    if (!current || rank < current.rank) best.set(key, { recordType: doc.recordType, recordId: doc.recordId, rank, best: doc });
  }
  return [...best.values()].sort(
    (a, b) =>
      a.rank - b.rank ||
      TYPE_ORDER.indexOf(a.recordType) - TYPE_ORDER.indexOf(b.recordType) ||
      compareText(nameOf(a.recordType, a.recordId).toLowerCase(), nameOf(b.recordType, b.recordId).toLowerCase()) ||
      compareText(a.recordId, b.recordId),
  );
}

/** Code-unit order: the same on every machine and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
