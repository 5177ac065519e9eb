import type { HomePanels } from '../registry/home-panels.js';
import { readHomePanels } from '../store/registry/queries/read-home-panels.js';
import type { Store } from '../store/store.js';
import { VersionedCache } from '../store/versioned-cache.js';

/**
 * The home page's panels, read once and kept until something changes (`VersionedCache`: this
 * process's commits drop them at once, another process's are seen through the log's newest
 * entry). Concurrent misses share one read; a failed read is not kept.
 *
 * @example
 * const cache = new HomePanelsCache(store);
 * homePage(frame, await cache.get());
 */
export class HomePanelsCache {
  readonly #store: Store;
  readonly #cache: VersionedCache<HomePanels>;

  constructor(store: Store, now: () => number = Date.now) {
    this.#store = store;
    this.#cache = new VersionedCache<HomePanels>(store, 1, now);
  }

  get(): Promise<HomePanels> {
    return this.#cache.get('home', () => readHomePanels(this.#store.db));
  }
}
