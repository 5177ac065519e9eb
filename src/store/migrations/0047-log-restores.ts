import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { CountersignMigration } from './migration.js';

/**
 * Restores of this database from a backup (`countersign restore`). A restore that would roll back
 * a witnessed log is allowed only as the start of a new log origin; the row says which origin the
 * log must be served under from then on, and `serve` refuses any other, so the old origin can
 * never be continued from an older state.
 */
export const logRestoresMigration: CountersignMigration = {
  name: '0047-log-restores',
  async up(db: Kysely<Database>) {
    await db.schema
      .createTable('log_restores')
      .addColumn('restored_at', 'text', (c) => c.notNull())
      .addColumn('from_file', 'text', (c) => c.notNull())
      .addColumn('log_size', 'bigint', (c) => c.notNull())
      .addColumn('required_origin', 'text')
      .execute();
  },
};
