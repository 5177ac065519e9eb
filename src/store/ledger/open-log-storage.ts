import type { LogStorage } from '../../ledger/sequencer/log-storage.js';
import type { Store } from '../store.js';
import { KyselyLogStorage } from './kysely-log-storage.js';
import { SqliteLogStorage } from './sqlite-log-storage.js';

/** The log storage for a store: prepared statements on SQLite, Kysely on PostgreSQL. */
export function openLogStorage(store: Store): LogStorage {
  return store.sqlite ? new SqliteLogStorage(store.db, store.sqlite) : new KyselyLogStorage(store.db, store.dialect);
}
