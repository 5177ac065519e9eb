import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { CommandSettings } from '../accounts/command-context.js';
import type { Store } from '../store/store.js';
import type { AppEnv } from './app-env.js';
import { ApiRouter } from './api/api-router.js';
import { addChangeRoutes } from './api/routes/change-routes.js';
import { addExportRoutes } from './api/routes/export-routes.js';
import { addRegistryRoutes } from './api/routes/registry-routes.js';
import { addSearchRoutes } from './api/routes/search-routes.js';
import { addSessionRoutes } from './api/routes/session-routes.js';
import { addLogTypeRoutes } from './api/routes/log-type-routes.js';
import { addTipRoutes } from './api/routes/tip-routes.js';
import { authenticate } from './middleware/authenticate.js';
import { csrfProtection } from './middleware/csrf-protection.js';
import { rateLimit } from './middleware/rate-limit.js';
import { readOnlyCors } from './middleware/read-only-cors.js';
import { securityHeaders } from './middleware/security-headers.js';
import { problemFor, problemResponse } from './problem-details.js';

/** What the HTTP app is built from. Modules plug their routes in with `mount`. */
export interface AppDependencies {
  readonly store: Store;
  readonly now?: () => Date;
  readonly version?: string;
  /** Rules the operator configured (two-person review …), passed to every command. */
  readonly settings?: CommandSettings;
  /** Called with the app and API router after the core routes, for module routes (log, alerts, portal). */
  readonly mount?: readonly ((app: Hono<AppEnv>, router: ApiRouter) => void)[];
  /** How errors outside /api are shown (the portal renders an HTML page). */
  readonly renderError?: (problem: ReturnType<typeof problemFor>, c: import('hono').Context<AppEnv>) => Response | Promise<Response>;
}

/**
 * Builds the Countersign HTTP app: API under /api/v1 (OpenAPI at /api/v1/openapi.json, errors as
 * RFC 9457 problems) and whatever modules mount. Tests call `app.request(…)` without a socket.
 *
 * @example
 * const app = createApp({ store });
 * const res = await app.request('http://localhost/api/v1/search?q=paragon');
 */
export function createApp({ store, now = () => new Date(), version = '0.1.0', settings = {}, mount = [], renderError }: AppDependencies): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError((error, c) => {
    const problem = problemFor(error, new URL(c.req.url).pathname);
    if (problem.status === 500) console.error(`${c.req.method} ${new URL(c.req.url).pathname}:`, error instanceof Error ? error.stack ?? error.message : error);
    if (renderError && !new URL(c.req.url).pathname.startsWith('/api/')) return renderError(problem, c);
    return problemResponse(c, problem);
  });
  app.notFound((c) => {
    const problem = { type: '/problems/not-found', title: 'Not found', status: 404, detail: `nothing at ${new URL(c.req.url).pathname}`, code: 'NOT_FOUND' };
    if (renderError && !new URL(c.req.url).pathname.startsWith('/api/')) return renderError(problem, c);
    return problemResponse(c, problem);
  });

  app.use('*', async (c, next) => {
    c.set('settings', settings);
    await next();
  });
  app.use('*', securityHeaders());
  app.use('*', bodyLimit({ maxSize: 1024 * 1024, onError: (c) => problemResponse(c, { type: '/problems/too-large', title: 'Request too large', status: 413, detail: 'request bodies are limited to 1 MiB', code: 'TOO_LARGE' }) }));
  app.use('*', authenticate(store, now));
  app.use('*', readOnlyCors());
  app.use('*', csrfProtection());
  const sensitive = rateLimit({ limit: 20, windowMs: 60_000 });
  for (const path of ['/api/v1/session', '/api/v1/tips', '/login', '/tips']) app.use(path, sensitive);

  const router = new ApiRouter(app);
  addRegistryRoutes(router, store);
  addSearchRoutes(router, store);
  addExportRoutes(router, store);
  addChangeRoutes(router, store, now);
  addTipRoutes(router, store, now);
  addSessionRoutes(router, store, now);
  addLogTypeRoutes(router, store);
  for (const plugIn of mount) plugIn(app, router);
  // The event catalogue is part of the API's contract: each entry type's data schema is a component.
  const types = store.events.catalogue.publish();
  const document = () => router.document(version, {
    schemas: Object.fromEntries(types.map((t) => [`LogEntryData.${t.type}`, t.data])),
    extensions: { 'x-log-entry-types': types.map((t) => ({ type: t.type, summary: t.summary, sealed: t.sealed, replays: t.replays, data: { $ref: `#/components/schemas/LogEntryData.${t.type}` } })) },
  });
  app.get('/api/v1/openapi.json', (c) => c.json(document()));
  return app;
}
