import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { CountersignMigration } from './migration.js';

/**
 * Issue #13 (provenance that cannot be upgraded by accident): what screened procurement rows say
 * of a contract or a transaction, kept beside the documented values instead of over them — one
 * row per observation, its JSON as the registry schema gives it (file, SHA-256, row, values).
 */
export const screenedObservationsMigration: CountersignMigration = {
  name: '0091-screened-observations',
  async up(db: Kysely<Database>) {
    await db.schema
      .createTable('screened_observations')
      .addColumn('record_type', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('screened_observations_pk', ['record_type', 'record_id', 'position'])
      .execute();
  },
};
