import type { Context } from 'hono';
import type { AppEnv } from '../../server/app-env.js';
import type { Store } from '../../store/store.js';
import { VersionedCache } from '../../store/versioned-cache.js';
import type { SafeHtml } from '../components/html.js';

/** Pages kept per cache: enough for the pages most read, small enough to stay a few megabytes. */
const PAGES = 500;

/**
 * Public pages as anonymous readers see them, kept until the registry changes (`VersionedCache`).
 * An anonymous page carries no nonce, token or name — the same bytes for every anonymous reader
 * of a URL — so it is rendered once per change. Signed-in readers (their header, their CSRF
 * token) are always rendered afresh.
 *
 * @example
 * const pages = new AnonymousPageCache(store);
 * app.get('/organizations/:id', async (c) => pageResponse(c, await pages.page(c, () => render(c))));
 */
export class AnonymousPageCache {
  readonly #cache: VersionedCache<SafeHtml>;

  constructor(store: Store) {
    this.#cache = new VersionedCache<SafeHtml>(store, PAGES);
  }

  async page(c: Context<AppEnv>, render: () => Promise<SafeHtml>): Promise<SafeHtml> {
    const auth = c.get('auth');
    if (auth !== undefined && (auth.via !== 'none' || auth.user !== null)) return render();
    const url = new URL(c.req.url);
    return this.#cache.get(`${url.pathname}${url.search}`, render);
  }
}
