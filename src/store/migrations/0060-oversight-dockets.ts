import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { CountersignMigration } from './migration.js';

/**
 * Community oversight dockets: the docket (its proposal, notice, hearing and decision as JSON
 * text), comments (sealed text and contact by reference until published), public votes, annual
 * report periods and findings of use without approval.
 */
export const oversightDocketsMigration: CountersignMigration = {
  name: '0060-oversight-dockets',
  async up(db: Kysely<Database>) {
    await db.schema.createTable('dockets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('jurisdiction', 'text', (c) => c.notNull())
      .addColumn('agency', 'text', (c) => c.notNull())
      .addColumn('technology', 'text', (c) => c.notNull())
      .addColumn('product', 'text')
      .addColumn('vendor', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('proposal', 'text', (c) => c.notNull())
      .addColumn('opened_by', 'text', (c) => c.notNull())
      .addColumn('opened_at', 'text', (c) => c.notNull())
      .addColumn('notice', 'text')
      .addColumn('hearing', 'text')
      .addColumn('decision', 'text')
      .addColumn('report_due_on', 'text')
      .addColumn('expires_on', 'text')
      .addColumn('renewed_at', 'text')
      .execute();
    await db.schema.createIndex('dockets_jurisdiction').on('dockets').columns(['jurisdiction', 'status']).execute();
    await db.schema.createIndex('dockets_agency').on('dockets').columns(['agency']).execute();

    await db.schema.createTable('docket_comments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('docket_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      // Seal-store values: the text until published (then `text` holds it in public), the contact for ever.
      .addColumn('text_ref', 'text')
      .addColumn('contact_ref', 'text')
      .addColumn('text', 'text')
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('moderated_at', 'text')
      .addColumn('moderated_by', 'text')
      .addColumn('published_entry_id', 'integer')
      .execute();
    await db.schema.createIndex('docket_comments_docket').on('docket_comments').columns(['docket_id', 'status']).execute();

    await db.schema.createTable('docket_votes')
      .addColumn('docket_id', 'text', (c) => c.notNull())
      .addColumn('member', 'text', (c) => c.notNull())
      .addColumn('vote', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('cast_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('docket_votes_pk', ['docket_id', 'member'])
      .execute();

    await db.schema.createTable('docket_reports')
      .addColumn('docket_id', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('filed_at', 'text')
      .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('sections', 'text')
      .addPrimaryKeyConstraint('docket_reports_pk', ['docket_id', 'due_on'])
      .execute();

    await db.schema.createTable('docket_findings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('jurisdiction', 'text', (c) => c.notNull())
      .addColumn('agency', 'text', (c) => c.notNull())
      .addColumn('technology', 'text', (c) => c.notNull())
      .addColumn('observed_on', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('sources', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('docket_findings_jurisdiction').on('docket_findings').columns(['jurisdiction', 'observed_on']).execute();
  },
};
