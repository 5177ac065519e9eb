import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { CountersignMigration } from './migration.js';

/**
 * Issue #11 (imports and investor exposure): a source states the licence it is published under
 * (imported data sets carry theirs onto every fact), and a relationship the stake a source gives
 * for it — in per cent, or in the source's words. Securities identifiers (CUSIP, ISIN, ticker)
 * and FBI ORIs live in `record_identifiers` like the others and need no column. An incident's
 * notes, which the schema always allowed, get the column they never had (they were dropped).
 */
export const securitiesAndStakesMigration: CountersignMigration = {
  name: '0080-securities-and-stakes',
  async up(db: Kysely<Database>) {
    await db.schema.alterTable('sources').addColumn('licence', 'text').execute();
    await db.schema.alterTable('relationships').addColumn('stake_percent', 'double precision').execute();
    await db.schema.alterTable('relationships').addColumn('stake', 'text').execute();
    await db.schema.alterTable('incidents').addColumn('notes', 'text').execute();
  },
};
