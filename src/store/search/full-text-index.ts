import { sql, type Kysely } from 'kysely';
import type { MatchedDocument } from '../../registry/search/rank-matches.js';
import type { SearchQuery } from '../../registry/search/search-query.js';
import { isRecordType } from '../../registry/schemas/common.js';
import type { DialectName } from '../dialect-name.js';
import type { Database } from '../schema.js';

const FIELDS = ['name', 'alias', 'former', 'text'] as const;

/** One word of a search: any of its spellings, as a prefix or whole. */
export interface SearchTerm {
  readonly spellings: readonly string[];
  readonly prefix: boolean;
}

/** The terms of a query as typed: every word, the last as a prefix (search-as-you-type). */
export function termsOf(query: SearchQuery): SearchTerm[] {
  return query.words.map((w, i) => ({ spellings: [w], prefix: i === query.words.length - 1 }));
}

/**
 * The one place the two backends' full-text engines differ: FTS5 `MATCH` on SQLite, a tsvector
 * `@@ to_tsquery` on PostgreSQL. Both index text the application already folded (case, accents,
 * script), both require every term, each term any of its spellings.
 *
 * @example
 * const docs = await matchDocuments(db, 'sqlite', termsOf(parseSearchQuery('saito tech')), 500);
 */
export async function matchDocuments(db: Kysely<Database>, dialect: DialectName, terms: readonly SearchTerm[], limit: number): Promise<MatchedDocument[]> {
  if (terms.length === 0) return [];
  // Folded words hold only letters and digits, so they cannot break out of either query syntax;
  // they are still passed as bound parameters.
  let rows: { recordType: string; recordId: string; field: string; content: string }[];
  if (dialect === 'sqlite') {
    const expression = terms.map((t) => `(${t.spellings.map((w) => `"${w}"${t.prefix ? '*' : ''}`).join(' OR ')})`).join(' AND ');
    const result = await sql<{ recordType: string; recordId: string; field: string; content: string }>`
      select d.record_type, d.record_id, d.field, d.content
      from search_fts f join search_documents d on d.id = f.rowid
      where search_fts match ${expression}
      limit ${limit}`.execute(db);
    rows = result.rows;
  } else {
    const expression = terms.map((t) => `(${t.spellings.map((w) => `${w}${t.prefix ? ':*' : ''}`).join(' | ')})`).join(' & ');
    const result = await sql<{ recordType: string; recordId: string; field: string; content: string }>`
      select record_type, record_id, field, content
      from search_documents
      where tsv @@ to_tsquery('simple', ${expression})
      limit ${limit}`.execute(db);
    rows = result.rows;
  }
  return rows.flatMap((r) => {
    const field = FIELDS.find((f) => f === r.field);
    return field && isRecordType(r.recordType) ? [{ recordType: r.recordType, recordId: r.recordId, field, content: r.content }] : [];
  });
}
