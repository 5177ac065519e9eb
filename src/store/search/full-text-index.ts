import { sql, type Kysely } from 'kysely';
import type { MatchedDocument } from '../../registry/search/rank-matches.js';
import type { SearchQuery } from '../../registry/search/search-query.js';
import { isRecordType } from '../../registry/schemas/common.js';
import type { DialectName } from '../dialect-name.js';
import type { Database } from '../schema.js';

const FIELDS = ['name', 'alias', 'former', 'text'] as const;

/**
 * The one place the two backends' full-text engines differ: FTS5 `MATCH` on SQLite, a tsvector
 * `@@ to_tsquery` on PostgreSQL. Both index text the application already folded (case, accents),
 * both treat the last word as a prefix, both require every word.
 *
 * @example
 * const docs = await matchDocuments(db, 'sqlite', parseSearchQuery('saito tech'), 500);
 */
export async function matchDocuments(db: Kysely<Database>, dialect: DialectName, query: SearchQuery, limit: number): Promise<MatchedDocument[]> {
  if (query.words.length === 0) return [];
  // Folded words hold only letters and digits, so they cannot break out of either query syntax;
  // they are still passed as bound parameters.
  const last = query.words.length - 1;
  let rows: { recordType: string; recordId: string; field: string; content: string }[];
  if (dialect === 'sqlite') {
    const expression = query.words.map((w, i) => `"${w}"${i === last ? '*' : ''}`).join(' AND ');
    const result = await sql<{ recordType: string; recordId: string; field: string; content: string }>`
      select d.record_type, d.record_id, d.field, d.content
      from search_fts f join search_documents d on d.id = f.rowid
      where search_fts match ${expression}
      limit ${limit}`.execute(db);
    rows = result.rows;
  } else {
    const expression = query.words.map((w, i) => `${w}${i === last ? ':*' : ''}`).join(' & ');
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
