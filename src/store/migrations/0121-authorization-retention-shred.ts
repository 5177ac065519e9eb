import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { CountersignMigration } from './migration.js';

/**
 * Issue #8, "shredding follows the retention rules": when an authorisation's retention ends, the
 * sealed target is crypto-shredded; the row says when (null while the value is held).
 */
export const authorizationRetentionShredMigration: CountersignMigration = {
  name: '0121-authorization-retention-shred',
  async up(db: Kysely<Database>) {
    await db.schema.alterTable('oversight_authorizations').addColumn('target_shredded_at', 'text').execute();
  },
};
