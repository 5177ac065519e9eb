import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { DialectName } from '../dialect-name.js';
import type { CountersignMigration } from './migration.js';

/**
 * The log's durable entry table (a command's entry commits with its rows), the openings of sealed
 * fields, and the full-text index: FTS5 on SQLite, a tsvector GIN index on PostgreSQL. Both index
 * text that the application has already case- and accent-folded, so the two backends agree.
 */
export const logAndSearchMigration: CountersignMigration = {
  name: '0003-log-and-search',
  async up(db: Kysely<Database>, dialect: DialectName) {
    const schema = db.schema;
    const serial = dialect === 'postgres' ? 'bigserial' : 'integer';
    await schema.createTable('log_entries')
      .addColumn('id', serial, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('entry', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('leaf_index', 'bigint', (c) => c.unique())
      .execute();

    await schema.createTable('seal_openings')
      .addColumn('log_entry_id', 'bigint', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('opening', 'text', (c) => c.notNull())
      .addColumn('unsealed_at', 'text')
      .addPrimaryKeyConstraint('seal_openings_pk', ['log_entry_id', 'field'])
      .execute();

    await schema.createTable('search_documents')
      .addColumn('id', serial, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('record_type', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .execute();
    await schema.createIndex('search_documents_record').on('search_documents').columns(['record_type', 'record_id']).execute();

    if (dialect === 'postgres') {
      await sql`alter table search_documents add column tsv tsvector generated always as (to_tsvector('simple', content)) stored`.execute(db);
      await sql`create index search_documents_tsv on search_documents using gin (tsv)`.execute(db);
    } else {
      // External-content FTS5 table kept in step by triggers (SQLite FTS5 §4.4.3).
      await sql`create virtual table search_fts using fts5(content, content='search_documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`.execute(db);
      await sql`create trigger search_documents_ai after insert on search_documents begin
        insert into search_fts(rowid, content) values (new.id, new.content); end`.execute(db);
      await sql`create trigger search_documents_ad after delete on search_documents begin
        insert into search_fts(search_fts, rowid, content) values ('delete', old.id, old.content); end`.execute(db);
      await sql`create trigger search_documents_au after update on search_documents begin
        insert into search_fts(search_fts, rowid, content) values ('delete', old.id, old.content);
        insert into search_fts(rowid, content) values (new.id, new.content); end`.execute(db);
    }
  },
};
