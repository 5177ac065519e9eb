import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { CountersignMigration } from './migration.js';

/**
 * Indexes for walking corporate families and rolling up their contracts: an organisation's
 * children by `parent_id`, and contracts by buyer and funding office (the recipient already has
 * one). Without them every organisation page scans both tables.
 */
export const familyIndexesMigration: CountersignMigration = {
  name: '0025-family-indexes',
  async up(db: Kysely<Database>) {
    await db.schema.createIndex('organizations_parent').on('organizations').column('parent_id').execute();
    await db.schema.createIndex('contracts_buyer').on('contracts').column('buyer_id').execute();
    await db.schema.createIndex('contracts_funding_office').on('contracts').column('funding_office_id').execute();
  },
};
