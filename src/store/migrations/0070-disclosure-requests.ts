import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { CountersignMigration } from './migration.js';

/**
 * Issue #10 (disclosure requests): records requests with their clocks, tracking numbers,
 * correspondence and received documents; a document's bytes and extracted text live in a table of
 * their own (the log carries only the hash, so a replayed copy has the metadata without them).
 */
export const disclosureRequestsMigration: CountersignMigration = {
  name: '0070-disclosure-requests',
  async up(db: Kysely<Database>, dialect) {
    const blob = dialect === 'postgres' ? 'bytea' : 'blob';
    await db.schema
      .createTable('disclosure_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('requester_user_id', 'text', (c) => c.notNull())
      .addColumn('requester_name', 'text', (c) => c.notNull())
      .addColumn('jurisdiction', 'text', (c) => c.notNull())
      .addColumn('agency_id', 'text', (c) => c.notNull())
      .addColumn('agency_name', 'text', (c) => c.notNull())
      .addColumn('addressee', 'text', (c) => c.notNull())
      .addColumn('subject_kind', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('piid', 'text')
      .addColumn('award_key', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('letter', 'text', (c) => c.notNull())
      .addColumn('expedited', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text')
      .addColumn('due_date', 'text')
      .addColumn('days_allowed', 'integer')
      .addColumn('days_used', 'integer', (c) => c.notNull())
      .addColumn('clock_running_since', 'text')
      .addColumn('extended', 'integer', (c) => c.notNull())
      .addColumn('overdue', 'integer', (c) => c.notNull())
      .addColumn('outcome', 'text')
      .addColumn('determined_on', 'text')
      .addColumn('determination_note', 'text')
      .addColumn('fee_amount', 'double precision')
      .addColumn('fee_paid_at', 'text')
      .addColumn('closed_at', 'text')
      .execute();
    await db.schema.createIndex('disclosure_requests_agency').on('disclosure_requests').columns(['agency_id', 'received_at']).execute();
    await db.schema.createIndex('disclosure_requests_requester').on('disclosure_requests').columns(['requester_user_id', 'created_at']).execute();
    await db.schema
      .createTable('disclosure_request_tracking')
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('label', 'text')
      .addColumn('added_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('disclosure_request_tracking_pk', ['request_id', 'number'])
      .execute();
    await db.schema
      .createTable('disclosure_request_messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('disclosure_request_messages_request').on('disclosure_request_messages').columns(['request_id', 'created_at']).execute();
    await db.schema
      .createTable('disclosure_documents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addColumn('message_id', 'text')
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('pages', 'integer')
      .addColumn('embargo_until', 'text', (c) => c.notNull())
      .addColumn('embargo_extended', 'integer', (c) => c.notNull())
      .addColumn('notice_sent_at', 'text')
      .addColumn('published_at', 'text')
      .addColumn('uploaded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('disclosure_documents_request').on('disclosure_documents').columns(['request_id', 'uploaded_at']).execute();
    await db.schema
      .createTable('disclosure_document_contents')
      .addColumn('document_id', 'text', (c) => c.primaryKey())
      .addColumn('content', blob, (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .execute();
  },
};
