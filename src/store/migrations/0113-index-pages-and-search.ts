import type { Kysely } from 'kysely';
import { foldText } from '../../registry/search/fold-text.js';
import type { Database } from '../schema.js';
import type { CountersignMigration } from './migration.js';

/**
 * For the index pages: indexes that let `/organizations?country=IL&sort=name` (and the others)
 * read one page in index order instead of sorting the whole table. For search: sources, policies
 * and contracts' identifiers become searchable — written from now on with every record
 * (`search-documents.ts`), and added here for the records already stored.
 */
export const indexPagesAndSearchMigration: CountersignMigration = {
  name: '0113-index-pages-and-search',
  async up(db: Kysely<Database>) {
    const index = (name: string, table: string, columns: string[]) => db.schema.createIndex(name).on(table).columns(columns).execute();
    await index('organizations_name', 'organizations', ['name', 'id']);
    await index('organizations_country_name', 'organizations', ['country', 'name']);
    await index('organizations_kind_name', 'organizations', ['kind', 'name']);
    await index('people_name', 'people', ['name', 'id']);
    await index('people_nationality', 'people', ['nationality']);
    await index('products_name', 'products', ['name', 'id']);
    await index('incidents_date', 'incidents', ['date', 'id']);
    await index('sources_date', 'sources', ['date', 'id']);
    await index('policies_date', 'policies', ['date', 'id']);
    await index('designations_authority', 'designations', ['authority', 'subject_id']);
    await addSearchDocumentsOfStoredRecords(db);
  },
};

/**
 * The search texts of sources, policies and contracts' identifiers for records stored before they
 * were indexed (exported for its test).
 */
export async function addSearchDocumentsOfStoredRecords(db: Kysely<Database>): Promise<void> {
  const docs: { recordType: string; recordId: string; field: string; content: string }[] = [];
  const add = (recordType: string, recordId: string, field: string, text: string | null) => {
    const content = text === null ? '' : foldText(text);
    if (content !== '') docs.push({ recordType, recordId, field, content });
  };
  for (const s of await db.selectFrom('sources').select(['id', 'title', 'publisher', 'documentNumber']).execute()) {
    add('source', s.id, 'text', s.title);
    add('source', s.id, 'text', s.publisher);
    add('source', s.id, 'alias', s.documentNumber);
  }
  for (const p of await db.selectFrom('policies').select(['id', 'title', 'summary']).execute()) {
    add('policy', p.id, 'name', p.title);
    add('policy', p.id, 'text', p.summary);
  }
  for (const c of await db.selectFrom('contracts').select(['piid', 'recipientUei', 'awardKey']).execute()) {
    add('contract', c.piid, 'alias', c.recipientUei);
    add('contract', c.piid, 'alias', c.awardKey);
  }
  for (let i = 0; i < docs.length; i += 500) await db.insertInto('searchDocuments').values(docs.slice(i, i + 500)).execute();
}
