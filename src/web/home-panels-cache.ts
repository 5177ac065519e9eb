import type { HomePanels } from '../registry/home-panels.js';
import { readHomePanels } from '../store/registry/queries/read-home-panels.js';
import type { Store } from '../store/store.js';

/**
 * A backstop for a change the version cannot see: on PostgreSQL two transactions may commit in
 * the other order than their entry ids were drawn, so another process's commit can leave the
 * newest id unchanged. No panel is older than this.
 */
const MAX_AGE_MS = 10_000;

/**
 * The home page's panels, read once and kept until something changes: every change appends a log
 * entry in its transaction, so (1) this process's commits drop the cache at once
 * (`Store.onCommit`), and (2) each request compares the newest log entry id — one indexed
 * lookup — with the one the panels were read at, which catches other processes' commits (a
 * second `serve`, a CLI import). Concurrent misses share one read.
 *
 * @example
 * const cache = new HomePanelsCache(store);
 * homePage(frame, await cache.get());
 */
export class HomePanelsCache {
  readonly #store: Store;
  readonly #now: () => number;
  #cached: { version: number; readAt: number; panels: Promise<HomePanels> } | undefined;

  constructor(store: Store, now: () => number = Date.now) {
    this.#store = store;
    this.#now = now;
    store.onCommit(() => {
      this.#cached = undefined;
    });
  }

  async get(): Promise<HomePanels> {
    const version = await this.#version();
    const now = this.#now();
    const cached = this.#cached;
    if (cached && cached.version === version && now - cached.readAt < MAX_AGE_MS) return cached.panels;
    const panels = readHomePanels(this.#store.db);
    const entry = { version, readAt: now, panels };
    this.#cached = entry;
    // A failed read is not kept: the next request tries again.
    panels.catch(() => {
      if (this.#cached === entry) this.#cached = undefined;
    });
    return panels;
  }

  async #version(): Promise<number> {
    const row = await this.#store.db.selectFrom('logEntries').select((eb) => eb.fn.max('id').as('newest')).executeTakeFirst();
    // An empty log (a database with nothing in it yet) has no newest entry: version 0.
    return row?.newest === null || row?.newest === undefined ? 0 : Number(row.newest);
  }
}
