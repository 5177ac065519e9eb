import type { Kysely } from 'kysely';
import { foldText } from '../../registry/search/fold-text.js';
import type { Database } from '../schema.js';

/** The index's record type for a document received on a records request (not a registry record). */
export const REQUEST_DOCUMENT = 'disclosure-document';

/**
 * Puts a received document in the search index once it is published, by its public metadata: the
 * file name, and the title of the request it answers. Nothing while its embargo runs (the file
 * name and hash are on the request's page and in the log from receipt, but the requester's
 * embargo keeps the document itself out of sight until it ends), and never its text or bytes.
 * Idempotent: the document's rows are replaced.
 *
 * @example
 * await indexRequestDocument(tx.db, documentId); // after the tick published it
 */
export async function indexRequestDocument(db: Kysely<Database>, documentId: string): Promise<void> {
  await db.deleteFrom('searchDocuments').where('recordType', '=', REQUEST_DOCUMENT).where('recordId', '=', documentId).execute();
  const row = await db.selectFrom('disclosureDocuments').innerJoin('disclosureRequests', 'disclosureRequests.id', 'disclosureDocuments.requestId')
    .select(['disclosureDocuments.fileName', 'disclosureDocuments.publishedAt', 'disclosureRequests.title'])
    .where('disclosureDocuments.id', '=', documentId).executeTakeFirst();
  if (!row || row.publishedAt === null) return;
  // Folding keeps letters and digits as words: release_2024-10.pdf is indexed as "release 2024 10 pdf".
  const docs = [{ field: 'name', content: foldText(row.fileName) }, { field: 'text', content: foldText(row.title) }].filter((d) => d.content !== '');
  if (docs.length > 0) await db.insertInto('searchDocuments').values(docs.map((d) => ({ recordType: REQUEST_DOCUMENT, recordId: documentId, ...d }))).execute();
}
