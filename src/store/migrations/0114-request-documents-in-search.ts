import type { Kysely } from 'kysely';
import { indexRequestDocument } from '../search/request-document-index.js';
import type { Database } from '../schema.js';
import type { CountersignMigration } from './migration.js';

/**
 * Published documents received on records requests become findable in the site search by their
 * public metadata (`indexRequestDocument`): written from now on when a document is published, and
 * added here for those published already.
 */
export const requestDocumentsInSearchMigration: CountersignMigration = {
  name: '0114-request-documents-in-search',
  async up(db: Kysely<Database>) {
    const published = await db.selectFrom('disclosureDocuments').select('id').where('publishedAt', 'is not', null).execute();
    for (const { id } of published) await indexRequestDocument(db, id);
  },
};
