import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { Store } from './store.js';

/**
 * Runs `read` on one consistent snapshot of the database: a read-only REPEATABLE READ transaction
 * on PostgreSQL (every statement sees the data as of the transaction's first one), a deferred
 * `begin` on SQLite (in WAL mode the first read fixes the snapshot until commit, and a reader
 * never blocks the writer: sqlite.org/wal.html). For checks that read many statements and must
 * not see writes land in between (`log check`). Never write inside: the transaction is read-only.
 *
 * @example
 * const report = await readSnapshot(store, (db) => checkLog(new KyselyLogStorage(db), verifierKey));
 */
export function readSnapshot<T>(store: Store, read: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return store.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(read);
}
