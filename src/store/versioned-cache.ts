import type BetterSqlite3 from 'better-sqlite3';
import type { Store } from './store.js';

/**
 * A backstop for a change the version cannot see: on PostgreSQL two transactions may commit in
 * another order than their entry ids were drawn, so another process's commit can leave the newest
 * id unchanged. Nothing served is older than this.
 */
const MAX_AGE_MS = 10_000;
/**
 * SQLite: how long a reading of `PRAGMA data_version` stands for (another connection's commit is
 * seen at most this much later). Reading it on every `get` cost more than the rest of a cached
 * answer's lookup.
 */
const DATA_VERSION_MS = 2;

interface Entry<T> {
  readonly version: number;
  readonly readAt: number;
  readonly value: Promise<T>;
}

/**
 * Answers computed from the registry, kept until something changes — for public reads that many
 * readers ask alike (a search, an organisation page, an index page). Every change appends a log
 * entry in its transaction, so (1) this process's commits empty the cache at once
 * (`Store.onCommit`), and (2) each `get` compares the newest log entry id — one indexed lookup —
 * with the one an answer was computed at, which catches other processes' commits (a second
 * `serve`, a CLI import). On SQLite that lookup runs only when `PRAGMA data_version` (read at most
 * every `DATA_VERSION_MS`) says another connection has committed since; on PostgreSQL,
 * concurrent `get`s share one lookup. Concurrent misses of one key share one computation; a
 * failed one is not kept. At most `maxEntries` answers are kept, the least recently used going
 * first.
 *
 * @example
 * const pages = new VersionedCache<string>(store, 500);
 * const html = await pages.get(url, () => render(url));
 */
export class VersionedCache<T> {
  readonly #store: Store;
  readonly #maxEntries: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry<T>>();
  /** SQLite: `PRAGMA data_version`, which changes when another connection commits. */
  readonly #dataVersion: BetterSqlite3.Statement | undefined;
  /** The newest log entry id last read, and the data version it was read at (SQLite). */
  #known: { version: number; dataVersion: unknown } | undefined;
  /** The last data version read, and when (SQLite). */
  #checked: { dataVersion: unknown; at: number } | undefined;
  /** PostgreSQL: the lookup under way, which concurrent `get`s share. */
  #reading: Promise<number> | undefined;

  constructor(store: Store, maxEntries: number, now: () => number = Date.now) {
    this.#store = store;
    this.#maxEntries = maxEntries;
    this.#now = now;
    this.#dataVersion = store.sqlite?.prepare('PRAGMA data_version').pluck();
    store.onCommit(() => {
      this.#entries.clear();
      this.#known = undefined;
    });
  }

  async get(key: string, compute: () => Promise<T>): Promise<T> {
    const version = await this.#version();
    const now = this.#now();
    const cached = this.#entries.get(key);
    if (cached && cached.version === version && now - cached.readAt < MAX_AGE_MS) {
      // Most recently used last: a Map iterates in insertion order.
      this.#entries.delete(key);
      this.#entries.set(key, cached);
      return cached.value;
    }
    const value = compute();
    const entry = { version, readAt: now, value };
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    value.catch(() => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    });
    return value;
  }

  /** How many answers are kept (for tests). */
  get size(): number {
    return this.#entries.size;
  }

  async #version(): Promise<number> {
    if (this.#dataVersion) {
      const now = this.#now();
      const checked = this.#checked !== undefined && now - this.#checked.at < DATA_VERSION_MS && now >= this.#checked.at ? this.#checked : { dataVersion: this.#dataVersion.get(), at: now };
      this.#checked = checked;
      const dataVersion = checked.dataVersion;
      const known = this.#known;
      if (known !== undefined && known.dataVersion === dataVersion) return known.version;
      const version = await this.#newestEntry();
      this.#known = { version, dataVersion };
      return version;
    }
    const reading = this.#reading ?? this.#newestEntry().finally(() => {
      this.#reading = undefined;
    });
    this.#reading = reading;
    return reading;
  }

  async #newestEntry(): Promise<number> {
    const row = await this.#store.db.selectFrom('logEntries').select((eb) => eb.fn.max('id').as('newest')).executeTakeFirst();
    return row?.newest === null || row?.newest === undefined ? 0 : Number(row.newest);
  }
}
