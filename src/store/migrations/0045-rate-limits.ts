import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { CountersignMigration } from './migration.js';

/**
 * Rate-limit counters, one row per (bucket, client) holding the current fixed window's count.
 * Kept in the database, not in a process's memory, so that several `serve` processes over one
 * PostgreSQL share them (ARCHITECTURE.md, "Scale path"): a client cannot multiply its allowance
 * by the number of processes behind the load balancer.
 */
export const rateLimitsMigration: CountersignMigration = {
  name: '0045-rate-limits',
  async up(db: Kysely<Database>) {
    await db.schema
      .createTable('rate_limit_windows')
      .addColumn('bucket', 'text', (c) => c.notNull())
      .addColumn('client_key', 'text', (c) => c.notNull())
      // Milliseconds since the epoch: bigint, as a window start outgrows a 32-bit integer.
      .addColumn('window_start', 'bigint', (c) => c.notNull())
      .addColumn('hits', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('rate_limit_windows_pk', ['bucket', 'client_key'])
      .execute();
    await db.schema.createIndex('rate_limit_windows_start').on('rate_limit_windows').column('window_start').execute();
  },
};
