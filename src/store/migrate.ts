import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { DialectName } from './dialect-name.js';
import type { CountersignMigration } from './migrations/migration.js';

/**
 * Runs the migrations not yet applied, each in its own transaction, recording them in
 * `countersign_migrations`. On PostgreSQL an advisory lock keeps two starting processes from
 * migrating at once.
 *
 * @example
 * await migrate(db, 'sqlite', MIGRATIONS); // ['0001-registry', …] on a new database, [] after
 */
export async function migrate(db: Kysely<Database>, dialect: DialectName, migrations: readonly CountersignMigration[]): Promise<string[]> {
  await db.schema
    .createTable('countersign_migrations')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await db.transaction().execute(async (trx) => {
      if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(7215531)`.execute(trx);
      const row = await sql<{ name: string }>`select name from countersign_migrations where name = ${migration.name}`.execute(trx);
      if (row.rows.length > 0) return false;
      await migration.up(trx, dialect);
      await sql`insert into countersign_migrations (name, applied_at) values (${migration.name}, ${new Date().toISOString()})`.execute(trx);
      return true;
    });
    if (done) applied.push(migration.name);
  }
  return applied;
}
