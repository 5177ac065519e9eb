import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { CountersignMigration } from './migration.js';

/**
 * Sources one click away (issue #13): a source records the SHA-256 of its archived copy, its
 * Federal Register citation and document number, and — when it has neither a link nor a copy —
 * why not. Relationships gain the date a source describes them as holding (`as_of`), for the
 * many a source dates only by the day it was published.
 */
export const sourceArchivesMigration: CountersignMigration = {
  name: '0030-source-archives',
  async up(db: Kysely<Database>) {
    await db.schema.alterTable('sources').addColumn('sha256', 'text').execute();
    await db.schema.alterTable('sources').addColumn('citation', 'text').execute();
    await db.schema.alterTable('sources').addColumn('document_number', 'text').execute();
    await db.schema.alterTable('sources').addColumn('no_link_reason', 'text').execute();
    await db.schema.alterTable('relationships').addColumn('as_of', 'text').execute();
  },
};
