import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { CountersignMigration } from './migration.js';

/**
 * Issue #8 (oversight): acquisition reviews under EO 14093. The columns the lists filter on, and
 * the review whole as canonical JSON (`document`) — exactly what its log entries carry.
 */
export const acquisitionReviewsMigration: CountersignMigration = {
  name: '0050-acquisition-reviews',
  async up(db: Kysely<Database>) {
    await db.schema
      .createTable('acquisition_reviews')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('agency', 'text', (c) => c.notNull())
      .addColumn('product', 'text', (c) => c.notNull())
      .addColumn('vendor', 'text', (c) => c.notNull())
      .addColumn('contract', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('opened_on', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('document', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('acquisition_reviews_agency').on('acquisition_reviews').columns(['agency', 'opened_on']).execute();
    await db.schema.createIndex('acquisition_reviews_status').on('acquisition_reviews').columns(['status']).execute();
    await db.schema.createIndex('acquisition_reviews_product').on('acquisition_reviews').columns(['product']).execute();
    await db.schema.createIndex('acquisition_reviews_vendor').on('acquisition_reviews').columns(['vendor']).execute();
  },
};
