import type { Hono } from 'hono';
import type { AppEnv } from '../server/app-env.js';
import { createApp } from '../server/create-app.js';
import type { Store } from '../store/store.js';
import { mountPortal, renderPortalError, type PortalDependencies } from '../web/mount-portal.js';

/**
 * The whole Countersign HTTP app: the API under /api/v1 and the public portal, with HTML error
 * pages outside /api. What `countersign serve` runs.
 *
 * @example
 * const app = createCountersignApp({ store });
 * serve({ fetch: app.fetch, port: 8080 });
 */
export function createCountersignApp({ store, now = () => new Date(), logEntriesFor }: { store: Store; now?: () => Date; logEntriesFor?: PortalDependencies['logEntriesFor'] }): Hono<AppEnv> {
  return createApp({ store, now, mount: [mountPortal({ store, now, ...(logEntriesFor ? { logEntriesFor } : {}) })], renderError: renderPortalError });
}
