import type { RecordType } from '../schemas/common.js';
import type { SearchQuery } from './search-query.js';

/**
 * Why a record matched: its name, an alias or identifier, a former name, other text of its own
 * (a summary, a description, a publisher), a country the query names, or a related record the
 * query found (a product's incidents, a vendor's contracts).
 */
/** What a search hit matched on, best tier first. */
export const MATCH_FIELDS = ['name', 'alias', 'former', 'text', 'country', 'related'] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

/** A stored search text that the full-text index matched, or a record reached through one. */
export interface MatchedDocument {
  readonly recordType: RecordType;
  readonly recordId: string;
  readonly field: MatchField;
  /** The folded text compared with the query. */
  readonly content: string;
  /** For `country` and `related`: what to tell the reader ("Italy", "product Pegasus"). */
  readonly via?: string;
}

export interface RankedMatch {
  readonly recordType: RecordType;
  readonly recordId: string;
  /** Lower is better; see `rankOf`. */
  readonly rank: number;
  /** The text that matched best, for "matched alias Saito Tech Ltd." hints. */
  readonly best: MatchedDocument;
}

const FIELD_TIER: Record<MatchField, number> = { name: 0, alias: 1, former: 2, text: 3, country: 4, related: 5 };
const TYPE_ORDER: readonly RecordType[] = ['organization', 'person', 'product', 'incident', 'contract', 'source', 'policy', 'designation', 'relationship', 'transaction'];

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

/** One word of at most five letters or digits: how people type acronyms and codes. */
function isAcronymLike(query: SearchQuery): boolean {
  return query.words.length === 1 && /^[\p{L}\p{N}]{2,5}$/u.test(query.folded);
}

/**
 * The rank of one match, lower first: the query is exactly a record's name (0); or, when the
 * query is one short word (an acronym or code: `ICE`, `OFAC`), exactly an alias or identifier (1 —
 * so `ICE` puts Immigration and Customs Enforcement first) or former name (2). An ordinary word
 * that is exactly an alias (`paragon`) does not jump ahead of names that start with it;
 * after those, by field (name, alias, former name, own text, country, related record) and within
 * a field by match quality (whole text, start of the text, words in order, anywhere).
 *
 * @example
 * rankOf({ field: 'alias', content: 'ice', … }, parseSearchQuery('ICE')); // 1
 */
export function rankOf(doc: MatchedDocument, query: SearchQuery): number {
  const q = quality(doc.content, query);
  if (q === 0 && (doc.field === 'name' || (doc.field !== 'text' && FIELD_TIER[doc.field] <= 2 && isAcronymLike(query)))) return FIELD_TIER[doc.field];
  return 4 + FIELD_TIER[doc.field] * 4 + q;
}

/**
 * Orders records by their best match (`rankOf`); then organisations before people, products,
 * incidents, contracts and sources; then by name. Deterministic, and the same on both backends
 * because it runs here rather than in each database's ranking function.
 *
 * @example
 * rankMatches(docs, parseSearchQuery('paragon'), names); // Paragon Solutions (US) Inc., Paragon Solutions Ltd., …
 */
export function rankMatches(docs: readonly MatchedDocument[], query: SearchQuery, nameOf: (type: RecordType, id: string) => string): RankedMatch[] {
  const best = new Map<string, RankedMatch>();
  for (const doc of docs) {
    const rank = rankOf(doc, query);
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
