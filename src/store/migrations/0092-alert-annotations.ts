import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { CountersignMigration } from './migration.js';

/**
 * Issue #13 (alerts get permalinks, annotations and retraction): who retracted an alert, when and
 * why, on its row; analysts' annotations, each with the source it rests on, in a table of their own.
 */
export const alertAnnotationsMigration: CountersignMigration = {
  name: '0092-alert-annotations',
  async up(db: Kysely<Database>) {
    await db.schema.alterTable('alerts').addColumn('retracted_by', 'text').execute();
    await db.schema.alterTable('alerts').addColumn('retracted_at', 'text').execute();
    await db.schema.alterTable('alerts').addColumn('retraction_reason', 'text').execute();
    await db.schema
      .createTable('alert_annotations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('alert_id', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('alert_annotations_alert').on('alert_annotations').columns(['alert_id', 'created_at']).execute();
  },
};
