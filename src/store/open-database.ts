import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DialectName } from './dialect-name.js';
import { parseDatabaseUrl, redactDatabaseUrl } from './database-url.js';
import { migrate } from './migrate.js';
import { createPrivateFile } from './create-private-file.js';
import { MIGRATIONS } from './migrations/index.js';
import { SqliteWriteDialect } from './sqlite-write-dialect.js';
import type { Database } from './schema.js';
import { SqliteStatementCache } from './sqlite-statement-cache.js';

/** An open database: Kysely for queries, the dialect for the few places that differ. */
export interface Database$ {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** The URL with any password redacted, for logs. */
  readonly description: string;
  /** The raw SQLite handle (SQLite only), for the log sequencer's batched writes. */
  readonly sqlite: BetterSqlite3.Database | undefined;
}

/**
 * Opens the database named by a `DATABASE_URL`, creating the SQLite file (WAL mode, full
 * fsync on commit so a committed log entry survives power loss) or the PostgreSQL schema as
 * needed, and runs pending migrations.
 *
 * @example
 * const { db, dialect } = await openDatabase('sqlite:data/countersign.db');
 */
export async function openDatabase(url: string): Promise<Database$> {
  const location = parseDatabaseUrl(url);
  const plugins = [new CamelCasePlugin()];
  let opened: Database$;
  if (location.dialect === 'sqlite') {
    if (location.file !== ':memory:') {
      mkdirSync(dirname(location.file), { recursive: true });
      createPrivateFile(location.file);
    }
    const sqlite = new BetterSqlite3(location.file);
    // 16 KiB pages (on a new file): a log tile and its inner levels (16 KiB) read in one page
    // instead of a chain of four — proofs at 10M entries are 2.5× faster.
    sqlite.pragma('page_size = 16384');
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    // Deleted content is overwritten with zeros, so a shredded sealed value leaves no free page
    // behind (issue #7: shredding must erase).
    sqlite.pragma('secure_delete = ON');
    // Reads of log tiles dominate proof serving: map the file and keep a larger page cache.
    sqlite.pragma('mmap_size = 1073741824');
    sqlite.pragma('cache_size = -65536');
    const db = new Kysely<Database>({ dialect: new SqliteWriteDialect({ database: new SqliteStatementCache(sqlite) }), plugins });
    opened = { db, dialect: 'sqlite', description: redactDatabaseUrl(url), sqlite };
  } else {
    // int8 (bigint) ids and counts fit a JavaScript number for any size this log will reach (2^53).
    pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number.parseInt(v, 10));
    const schema = location.schema;
    const pool = new pg.Pool({
      connectionString: location.connectionString,
      max: 10,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
    if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    opened = { db, dialect: 'postgres', description: redactDatabaseUrl(url), sqlite: undefined };
  }
  await migrate(opened.db, opened.dialect, MIGRATIONS);
  return opened;
}
