import type { Kysely } from 'kysely';
import type { AccountsStore } from '../accounts/accounts-store.js';
import type { RegistryStore } from '../registry/registry-store.js';
import type { TipsStore } from '../registry/tips/tips-store.js';
import { KyselyAccountsStore } from './accounts/kysely-accounts-store.js';
import { KyselyTipsStore } from './registry/kysely-tips-store.js';
import { KyselySealStore } from './ledger/kysely-seal-store.js';
import type { SealStore } from '../ledger/seal/seal-store.js';
import type { AlertStore } from '../procurement/alerts/alert.js';
import { KyselyAlertStore } from './procurement/kysely-alert-store.js';
import type { LogAppender } from '../ledger/append/log-appender.js';
import type { DialectName } from './dialect-name.js';
import { openDatabase, type Database$ } from './open-database.js';
import { KyselyLogAppender } from './ledger/kysely-log-appender.js';
import { KyselyRegistryStore } from './registry/kysely-registry-store.js';
import { retryWhileLocked } from './retry-while-locked.js';
import type { Database } from './schema.js';

/** Everything a command may write through, bound to one database transaction. */
export interface StoreTransaction {
  readonly db: Kysely<Database>;
  readonly registry: RegistryStore;
  readonly accounts: AccountsStore;
  readonly tips: TipsStore;
  readonly seals: SealStore;
  readonly alerts: AlertStore;
  readonly log: LogAppender;
}

/** Called after a transaction that appended log entries commits (the sequencer listens). */
export type CommitListener = (appendedEntryIds: readonly number[]) => void;

/**
 * The storage edge of Countersign: one database, SQLite or PostgreSQL, behind one API.
 * Commands run in `transaction`; reads use `db` directly through the query modules.
 *
 * @example
 * const store = await Store.open(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
 * await store.transaction((tx) => verifyRecord({ ctx, recordType: 'organization', id: 'candiru' }, tx));
 */
export class Store {
  readonly #database: Database$;
  readonly #listeners = new Set<CommitListener>();

  private constructor(database: Database$) {
    this.#database = database;
  }

  static async open(url: string): Promise<Store> {
    return new Store(await openDatabase(url));
  }

  get db(): Kysely<Database> {
    return this.#database.db;
  }

  get dialect(): DialectName {
    return this.#database.dialect;
  }

  get description(): string {
    return this.#database.description;
  }

  /** The raw SQLite handle, for batched sequencer writes; undefined on PostgreSQL. */
  get sqlite(): Database$['sqlite'] {
    return this.#database.sqlite;
  }

  /** Runs `fn` in one transaction: all its writes and log entries commit together or not at all. */
  async transaction<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    let appender: KyselyLogAppender | undefined;
    const result = await retryWhileLocked(() => this.#database.db.transaction().execute(async (trx) => {
      appender = new KyselyLogAppender(trx);
      return fn({ db: trx, registry: new KyselyRegistryStore(trx), accounts: new KyselyAccountsStore(trx), tips: new KyselyTipsStore(trx), seals: new KyselySealStore(trx), alerts: new KyselyAlertStore(trx), log: appender });
    }));
    const appended = appender?.appended ?? [];
    if (appended.length > 0) for (const listener of this.#listeners) listener(appended);
    return result;
  }

  /** Subscribes to commits that appended log entries; returns the unsubscribe function. */
  onCommit(listener: CommitListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    await this.#database.db.destroy();
  }
}
