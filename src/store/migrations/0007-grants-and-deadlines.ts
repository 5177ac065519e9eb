import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { CountersignMigration } from './migration.js';

/**
 * Scoped roles (an officer of one agency, a member of one board, a vendor's representative) and
 * the kernel's deadlines: each started by a transition, stopped by another or fired by the tick.
 */
export const grantsAndDeadlinesMigration: CountersignMigration = {
  name: '0007-grants-and-deadlines',
  async up(db: Kysely<Database>) {
    await db.schema.createTable('grants')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('scope_kind', 'text', (c) => c.notNull())
      .addColumn('scope_id', 'text', (c) => c.notNull())
      .addColumn('granted_at', 'text', (c) => c.notNull())
      .addColumn('granted_by', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('revoked_by', 'text')
      .execute();
    await db.schema.createIndex('grants_user').on('grants').columns(['user_id', 'revoked_at']).execute();
    await db.schema.createIndex('grants_scope').on('grants').columns(['scope_kind', 'scope_id', 'role']).execute();

    await db.schema.createTable('deadlines')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_type', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      // The instant it falls due (UTC); for a date deadline, the end of that day in the calendar's zone.
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('due_date', 'text')
      .addColumn('calendar', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('fires_event', 'text', (c) => c.notNull())
      .addColumn('on_fire', 'text')
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('fired_at', 'text')
      .addColumn('stopped_at', 'text')
      .addColumn('stop_reason', 'text')
      .execute();
    await db.schema.createIndex('deadlines_due').on('deadlines').columns(['state', 'due_at']).execute();
    await db.schema.createIndex('deadlines_case').on('deadlines').columns(['case_type', 'case_id']).execute();
    // At most one open deadline of a kind per case: starting it twice is idempotent.
    await sql`create unique index deadlines_open_kind on deadlines (case_type, case_id, kind) where state = 'open'`.execute(db);
  },
};
