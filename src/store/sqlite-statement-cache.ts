import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * better-sqlite3 as Kysely's SQLite driver sees it, with prepared statements kept by their SQL
 * text: Kysely prepares every statement on every call, which was a tenth of a transition's time.
 * Reusing a statement is safe because Kysely runs one query at a time on the connection. The
 * least recently used statements go past `capacity`.
 *
 * @example
 * new Kysely({ dialect: new SqliteDialect({ database: new SqliteStatementCache(sqlite) }) });
 */
export class SqliteStatementCache implements SqliteDatabase {
  readonly #db: BetterSqlite3.Database;
  readonly #capacity: number;
  readonly #statements = new Map<string, BetterSqlite3.Statement>();

  constructor(db: BetterSqlite3.Database, capacity = 1000) {
    this.#db = db;
    this.#capacity = capacity;
  }

  prepare(sql: string): SqliteStatement {
    let statement = this.#statements.get(sql);
    if (statement) {
      this.#statements.delete(sql);
    } else {
      statement = this.#db.prepare(sql);
      if (this.#statements.size >= this.#capacity) {
        const oldest = this.#statements.keys().next();
        if (!oldest.done) this.#statements.delete(oldest.value);
      }
    }
    this.#statements.set(sql, statement);
    return statement;
  }

  close(): void {
    this.#statements.clear();
    this.#db.close();
  }
}
