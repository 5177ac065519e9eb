import type { Kysely } from 'kysely';
import { parseSearchQuery } from '../../registry/search/search-query.js';
import type { DialectName } from '../dialect-name.js';
import type { Database } from '../schema.js';
import { matchIndexedRows, termsOf } from './full-text-index.js';
import { REQUEST_DOCUMENT } from './request-document-index.js';

/** A published document a search found, with the request it was received on. */
export interface RequestDocumentHit {
  readonly documentId: string;
  readonly requestId: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly pages: number | null;
  readonly publishedAt: string;
  readonly requestTitle: string;
  readonly agencyName: string;
  /** Whether the words matched the file name (else the request's title). */
  readonly matchedFileName: boolean;
}

/**
 * Published documents received on records requests whose file name or request title holds every
 * word of the query (folded and prefixed as the registry search reads it), newest publication
 * first. Only published documents are indexed (`indexRequestDocument`); the publication is
 * checked again here, so a row left behind could never surface a private one.
 *
 * @example
 * const hits = await searchRequestDocuments(db, 'sqlite', 'paragon release', 10);
 */
export async function searchRequestDocuments(db: Kysely<Database>, dialect: DialectName, q: string, limit: number): Promise<RequestDocumentHit[]> {
  const query = parseSearchQuery(q);
  const rows = await matchIndexedRows(db, dialect, termsOf(query), 500, REQUEST_DOCUMENT);
  if (rows.length === 0) return [];
  const byFileName = new Set(rows.filter((r) => r.field === 'name').map((r) => r.recordId));
  const found = await db.selectFrom('disclosureDocuments').innerJoin('disclosureRequests', 'disclosureRequests.id', 'disclosureDocuments.requestId')
    .select(['disclosureDocuments.id', 'disclosureDocuments.requestId', 'disclosureDocuments.fileName', 'disclosureDocuments.mediaType', 'disclosureDocuments.pages', 'disclosureDocuments.publishedAt', 'disclosureRequests.title', 'disclosureRequests.agencyName'])
    .where('disclosureDocuments.id', 'in', [...new Set(rows.map((r) => r.recordId))])
    .where('disclosureDocuments.publishedAt', 'is not', null)
    .orderBy('disclosureDocuments.publishedAt', 'desc').orderBy('disclosureDocuments.id').limit(limit).execute();
  return found.flatMap((d) => (d.publishedAt === null ? [] : [{
    documentId: d.id, requestId: d.requestId, fileName: d.fileName, mediaType: d.mediaType, pages: d.pages === null ? null : Number(d.pages), publishedAt: d.publishedAt,
    requestTitle: d.title, agencyName: d.agencyName, matchedFileName: byFileName.has(d.id),
  }]));
}
