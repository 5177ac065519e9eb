import type { Hono } from 'hono';
import type { Ledger } from '../ledger/sequencer/ledger.js';
import { createTileRoutes } from '../ledger/tiles/tile-routes.js';
import type { Store } from '../store/store.js';
import type { ApiRouter } from './api/api-router.js';
import { addLogRoutes } from './api/routes/log-routes.js';
import type { AppEnv } from './app-env.js';

/** Plugs the transparency log into the app: C2SP tiles under /log/, and /api/v1/log/…. */
export function mountLog(store: Store, ledger: Ledger, now: () => Date = () => new Date()): (app: Hono<AppEnv>, router: ApiRouter) => void {
  return (app, router) => {
    app.route('/', createTileRoutes(ledger.reader));
    addLogRoutes(router, store, ledger, now);
  };
}
