import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { CountersignMigration } from './migration.js';

/** Screening alerts and the review queue: one row per matched transaction key. */
export const alertsMigration: CountersignMigration = {
  name: '0005-alerts',
  async up(db: Kysely<Database>) {
    await db.schema
      .createTable('alerts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('transaction_key', 'text', (c) => c.notNull().unique())
      .addColumn('award_key', 'text', (c) => c.notNull())
      .addColumn('piid', 'text', (c) => c.notNull())
      .addColumn('modification', 'text', (c) => c.notNull())
      .addColumn('action_date', 'text', (c) => c.notNull())
      .addColumn('amount', 'double precision', (c) => c.notNull())
      .addColumn('organization_id', 'text', (c) => c.notNull())
      .addColumn('organization_name', 'text', (c) => c.notNull())
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('score', 'double precision', (c) => c.notNull())
      .addColumn('reasons', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('transaction', 'text', (c) => c.notNull())
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('watchlist_version', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('reviewed_by', 'text')
      .addColumn('reviewed_at', 'text')
      .addColumn('review_note', 'text')
      .execute();
    await db.schema.createIndex('alerts_status').on('alerts').columns(['status', 'created_at']).execute();
    await db.schema.createIndex('alerts_organization').on('alerts').columns(['organization_id', 'created_at']).execute();
  },
};
