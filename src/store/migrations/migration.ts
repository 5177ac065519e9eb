import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { DialectName } from '../dialect-name.js';

/**
 * A schema step. Migrations see the database untyped (the schema they create is what gives it a
 * type) and know the dialect, for the few statements that differ (auto-increment keys, the
 * full-text index).
 */
export interface CountersignMigration {
  readonly name: string;
  up(db: Kysely<Database>, dialect: DialectName): Promise<void>;
}
