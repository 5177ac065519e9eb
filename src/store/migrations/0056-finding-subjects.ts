import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { CountersignMigration } from './migration.js';

/**
 * Findings by subject: the authorisation page lists the findings about it and its uses, and an
 * audit's sign-off counts the uses flagged when recorded — each a lookup by subject, which without
 * this index scanned every finding once per use.
 */
export const findingSubjectsMigration: CountersignMigration = {
  name: '0056-finding-subjects',
  async up(db: Kysely<Database>) {
    await db.schema.createIndex('oversight_findings_subject').on('oversight_findings').columns(['subject', 'audit_id']).execute();
  },
};
