import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig, type TransactionSettings } from 'kysely';

/**
 * Kysely's SQLite driver, except that a write transaction starts with `BEGIN IMMEDIATE`.
 *
 * Kysely's plain `begin` is DEFERRED: the transaction reads under a snapshot and asks for the write
 * lock at its first write. In WAL mode, if another connection committed in between, that upgrade
 * fails at once with SQLITE_BUSY_SNAPSHOT — the busy timeout cannot help, since waiting would not
 * make the snapshot current (sqlite.org/wal.html §"Sometimes Queries Return SQLITE_BUSY In WAL
 * Mode", sqlite.org/lang_transaction.html). That is how `registry import` lost 10 of 10 runs to
 * "database is locked" while the server took writes. `BEGIN IMMEDIATE` takes the write lock first,
 * waiting out the busy timeout, so the transaction's reads and writes see one current state.
 *
 * A read-only transaction (`setAccessMode('read only')`) keeps the deferred `begin`: one snapshot,
 * no lock that would hold writers back (`Store.snapshot`).
 */
class WriteFirstSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(settings?.accessMode === 'read only' ? 'begin' : 'begin immediate'));
  }
}

/**
 * The SQLite dialect Countersign opens its database with (see `WriteFirstSqliteDriver` above).
 *
 * @example
 * const db = new Kysely<Database>({ dialect: new SqliteWriteDialect({ database: new BetterSqlite3(file) }) });
 */
export class SqliteWriteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new WriteFirstSqliteDriver(this.#config);
  }
}
