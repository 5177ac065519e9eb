import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { CountersignMigration } from './migration.js';

/**
 * Password-reset links an admin issued: only the SHA-256 of the link's token is kept (like
 * sessions and API tokens), with its expiry and the moment it was used — a link works once.
 */
export const passwordResetsMigration: CountersignMigration = {
  name: '0046-password-resets',
  async up(db: Kysely<Database>) {
    await db.schema
      .createTable('password_resets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema.createIndex('password_resets_user').on('password_resets').column('user_id').execute();
  },
};
