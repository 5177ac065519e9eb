import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { CountersignMigration } from './migration.js';

/**
 * Complaints (their identifying fields are seal-store references; evidence ciphertext apart),
 * notices owed to targets, vendors' transparency reports and their annotations.
 */
export const remedyMigration: CountersignMigration = {
  name: '0075-remedy',
  async up(db: Kysely<Database>) {
    await db.schema
      .createTable('complaints')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('body', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('receipt_hash', 'text', (c) => c.unique())
      .addColumn('name_ref', 'text')
      .addColumn('contact_ref', 'text')
      .addColumn('account_ref', 'text')
      .addColumn('evidence_ref', 'text')
      .addColumn('message_ref', 'text')
      .addColumn('routed_at', 'text')
      .addColumn('consent_at', 'text')
      .addColumn('incident_id', 'text')
      .addColumn('outcome', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('erased_at', 'text')
      .execute();
    await db.schema.createIndex('complaints_body').on('complaints').columns(['body', 'received_at']).execute();
    await db.schema
      .createTable('complaint_evidence')
      .addColumn('complaint_id', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('ciphertext', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('complaint_evidence_pk', ['complaint_id', 'position'])
      .execute();
    await db.schema
      .createTable('target_notices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('authorization_id', 'text', (c) => c.notNull().unique())
      .addColumn('agency', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('opened_at', 'text', (c) => c.notNull())
      .addColumn('prepared_at', 'text')
      .addColumn('sent_on', 'text')
      .addColumn('method', 'text')
      .execute();
    await db.schema
      .createTable('vendor_reports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('vendor_id', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('self_identification', 'text', (c) => c.notNull())
      .addColumn('products', 'text', (c) => c.notNull())
      .addColumn('due_diligence', 'text', (c) => c.notNull())
      .addColumn('risks_addressed', 'text', (c) => c.notNull())
      .addColumn('sales', 'text', (c) => c.notNull())
      .addColumn('rejected_clients', 'text', (c) => c.notNull())
      .addColumn('filed_by', 'text', (c) => c.notNull())
      .addColumn('filed_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('vendor_reports_vendor_year', ['vendor_id', 'year'])
      .execute();
    await db.schema
      .createTable('vendor_report_annotations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('report_id', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text')
      .addColumn('incident_id', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('vendor_report_annotations_report').on('vendor_report_annotations').columns(['report_id', 'created_at']).execute();
  },
};
