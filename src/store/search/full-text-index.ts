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

/** A row of the index that matched: which record, which field, its folded text. */
export interface IndexedRow {
  readonly recordType: string;
  readonly recordId: string;
  readonly field: string;
  readonly content: string;
}

/**
 * The one place the two backends' full-text engines differ: FTS5 `MATCH` on SQLite, a tsvector
 * `@@ to_tsquery` on PostgreSQL. Both index text the application already folded (case, accents,
 * script), both require every term, each term any of its spellings. With `recordType`, only rows
 * of that type (the index also holds what is not a registry record: published request documents).
 */
export async function matchIndexedRows(db: Kysely<Database>, dialect: DialectName, terms: readonly SearchTerm[], limit: number, recordType?: string): Promise<IndexedRow[]> {
  if (terms.length === 0) return [];
  // Folded words hold only letters and digits, so they cannot break out of either query syntax;
  // they are still passed as bound parameters.
  if (dialect === 'sqlite') {
    const expression = terms.map((t) => `(${t.spellings.map((w) => `"${w}"${t.prefix ? '*' : ''}`).join(' OR ')})`).join(' AND ');
    const result = await sql<IndexedRow>`
      select d.record_type, d.record_id, d.field, d.content
      from search_fts f join search_documents d on d.id = f.rowid
      where search_fts match ${expression}${recordType === undefined ? sql`` : sql` and d.record_type = ${recordType}`}
      limit ${limit}`.execute(db);
    return result.rows;
  }
  const expression = terms.map((t) => `(${t.spellings.map((w) => `${w}${t.prefix ? ':*' : ''}`).join(' | ')})`).join(' & ');
  const result = await sql<IndexedRow>`
    select record_type, record_id, field, content
    from search_documents
    where tsv @@ to_tsquery('simple', ${expression})${recordType === undefined ? sql`` : sql` and record_type = ${recordType}`}
    limit ${limit}`.execute(db);
  return result.rows;
}

/**
 * The registry records whose index rows match every term (see `matchIndexedRows`).
 *
 * @example
 * const docs = await matchDocuments(db, 'sqlite', termsOf(parseSearchQuery('saito tech')), 500);
 */
export async function matchDocuments(db: Kysely<Database>, dialect: DialectName, terms: readonly SearchTerm[], limit: number): Promise<MatchedDocument[]> {
  const rows = await matchIndexedRows(db, dialect, terms, limit);
  return rows.flatMap((r) => {
    const field = FIELDS.find((f) => f === r.field);
    return field && isRecordType(r.recordType) ? [{ recordType: r.recordType, recordId: r.recordId, field, content: r.content }] : [];
  });
}
