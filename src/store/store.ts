import type { Kysely, Transaction } from 'kysely';
import type { AccountsStore } from '../accounts/accounts-store.js';
import type { RegistryStore } from '../registry/registry-store.js';
import type { ImportStore } from '../imports/import-store.js';
import { KyselyImportStore } from './imports/kysely-import-store.js';
import type { TipsStore } from '../registry/tips/tips-store.js';
import { KyselyAccountsStore } from './accounts/kysely-accounts-store.js';
import { KyselyTipsStore } from './registry/kysely-tips-store.js';
import { KyselySealStore } from './ledger/kysely-seal-store.js';
import type { SealStore } from '../ledger/seal/seal-store.js';
import type { AlertStore } from '../procurement/alerts/alert.js';
import { KyselyAlertStore } from './procurement/kysely-alert-store.js';
import type { DialectName } from './dialect-name.js';
import { openDatabase, type Database$ } from './open-database.js';
import { KyselyLogAppender } from './ledger/kysely-log-appender.js';
import { KyselyRegistryStore } from './registry/kysely-registry-store.js';
import { retryWhileLocked } from './retry-while-locked.js';
import type { Database } from './schema.js';
import type { CaseStates } from '../kernel/workflow/case-states.js';
import type { DeadlineStore } from '../kernel/deadlines/deadline.js';
import { CheckedLogAppender } from '../kernel/events/checked-log-appender.js';
import type { EventLog } from '../kernel/events/event-log.js';
import type { EventRuntime } from '../kernel/events/event-runtime.js';
import { KyselyCaseStates } from './kernel/kysely-case-states.js';
import { KyselyDeadlineStore } from './kernel/kysely-deadline-store.js';
import { GroupCommit, type CommandOutcome } from './group-commit.js';
import type { ExportLicenseStore } from '../oversight/export-licenses/export-license.js';
import { KyselyExportLicenseStore } from './oversight/export-licenses/kysely-export-license-store.js';
import type { DisclosureRequestStore } from '../disclosure/requests/disclosure-request.js';
import { KyselyRequestStore } from './disclosure/requests/kysely-request-store.js';
import type { OversightStore } from '../oversight/oversight-store.js';
import { KyselyOversightStore } from './oversight/kysely-oversight-store.js';
import type { UsesStore } from '../oversight/uses/uses-store.js';
import { KyselyUsesStore } from './oversight/kysely-uses-store.js';
import { reviewApprovals } from './oversight/review-approvals.js';
import './oversight-uses-schema.js';
import type { DocketStore } from '../oversight/dockets/docket.js';
import { KyselyDocketStore } from './oversight/dockets/kysely-docket-store.js';
import type { RemedyStores } from '../disclosure/remedy-transaction.js';
import { remedyStores } from './disclosure/kysely-remedy-stores.js';

/** Everything a command may write through, bound to one database transaction. */
export interface StoreTransaction {
  readonly db: Kysely<Database>;
  readonly registry: RegistryStore;
  readonly accounts: AccountsStore;
  readonly tips: TipsStore;
  readonly seals: SealStore;
  readonly alerts: AlertStore;
  readonly cases: CaseStates;
  readonly deadlines: DeadlineStore;
  readonly log: EventLog;
  readonly imports: ImportStore;
  readonly exportLicenses: ExportLicenseStore;
  readonly requests: DisclosureRequestStore;
  readonly oversight: OversightStore;
  readonly uses: UsesStore;
  readonly dockets: DocketStore;
  readonly remedy: RemedyStores;
}

/** How a store is opened: the event catalogue and subscribers its transactions run with. */
export interface StoreOptions {
  readonly events: EventRuntime<StoreTransaction>;
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
  readonly #events: EventRuntime<StoreTransaction>;
  readonly #listeners: Set<CommitListener>;
  /** SQLite's group commit (absent on PostgreSQL, whose transactions run side by side). */
  readonly #group: GroupCommit | undefined;

  private constructor(database: Database$, events: EventRuntime<StoreTransaction>, listeners = new Set<CommitListener>()) {
    this.#database = database;
    this.#events = events;
    this.#listeners = listeners;
    this.#group = database.dialect === 'sqlite' ? new GroupCommit(database.db, (appended, shredded) => this.#afterCommit(appended, shredded)) : undefined;
  }

  /** The same database (and commit listeners) with another event runtime: tests wire extra subscribers this way. */
  withEvents(events: EventRuntime<StoreTransaction>): Store {
    return new Store(this.#database, events, this.#listeners);
  }

  static async open(url: string, options: StoreOptions): Promise<Store> {
    return new Store(await openDatabase(url), options.events);
  }

  /** The event catalogue and subscribers this store's transactions check appends against. */
  get events(): EventRuntime<StoreTransaction> {
    return this.#events;
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

  /**
   * Runs `fn` in one transaction: all its writes and log entries commit together or not at all.
   * On SQLite, commands that arrive together share one commit (`GroupCommit`: a savepoint each,
   * one fsync for all); each still succeeds or fails alone.
   */
  async transaction<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    if (this.#group) return this.#group.submit((trx) => this.#run(trx, fn));
    const outcome = await retryWhileLocked(() => this.#database.db.transaction().execute((trx) => this.#run(trx, fn)));
    this.#afterCommit(outcome.appended, outcome.shredded);
    return outcome.value;
  }

  async #run<T>(trx: Transaction<Database>, fn: (tx: StoreTransaction) => Promise<T>): Promise<CommandOutcome<T>> {
    const appender = new KyselyLogAppender(trx, this.#database.dialect);
    const seals = new KyselySealStore(trx);
    // Every append is checked against the catalogue and runs its subscribers in this transaction.
    const tx: StoreTransaction = {
      db: trx, registry: new KyselyRegistryStore(trx), accounts: new KyselyAccountsStore(trx), tips: new KyselyTipsStore(trx), seals, alerts: new KyselyAlertStore(trx),
      cases: new KyselyCaseStates(trx), deadlines: new KyselyDeadlineStore(trx, this.#database.dialect), log: new CheckedLogAppender(appender, this.#events, () => tx),
      imports: new KyselyImportStore(trx),
      exportLicenses: new KyselyExportLicenseStore(trx),
      requests: new KyselyRequestStore(trx),
      oversight: new KyselyOversightStore(trx),
      uses: new KyselyUsesStore(trx, reviewApprovals(new KyselyOversightStore(trx))),
      dockets: new KyselyDocketStore(trx),
      remedy: remedyStores(trx),
    };
    const value = await fn(tx);
    return { value, appended: appender.appended, shredded: seals.shredded };
  }

  #afterCommit(appended: readonly number[], shredded: boolean): void {
    if (shredded) this.#eraseFreedPages();
    if (appended.length > 0) for (const listener of this.#listeners) listener(appended);
  }

  /**
   * After a shred: SQLite zeroes freed cells (`secure_delete`), but the WAL may still hold the
   * page as it was; a TRUNCATE checkpoint copies the zeroed pages into the database file and
   * empties the WAL, so the value is in no byte of either file. On PostgreSQL, see the README
   * (dead tuples until VACUUM; backups).
   */
  #eraseFreedPages(): void {
    this.#database.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
  }

  /**
   * Runs `fn` over one consistent snapshot of the database while writers go on: a read
   * transaction on SQLite (WAL readers see the database as of their first read), REPEATABLE READ
   * READ ONLY on PostgreSQL. Checks that compare several tables use it, so a write that lands
   * half-way through never looks like tampering.
   */
  async snapshot<T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    // On SQLite, read only means a deferred BEGIN: one snapshot, no write lock that would hold writers back.
    return this.#database.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(fn);
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
