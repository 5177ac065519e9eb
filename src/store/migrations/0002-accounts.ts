import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { CountersignMigration } from './migration.js';

/** Users, sessions, API tokens, and the tip moderation queue. */
export const accountsMigration: CountersignMigration = {
  name: '0002-accounts',
  async up(db: Kysely<Database>) {
    const schema = db.schema;
    await schema.createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text')
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('disabled_at', 'text')
      .execute();

    await schema.createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

    await schema.createTable('api_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();

    await schema.createTable('tips')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('source_url', 'text')
      .addColumn('contact', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('moderated_by', 'text')
      .addColumn('moderated_at', 'text')
      .addColumn('moderation_note', 'text')
      .execute();
    await schema.createIndex('tips_status').on('tips').columns(['status', 'submitted_at']).execute();
  },
};
