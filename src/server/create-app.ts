import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Store } from '../store/store.js';
import type { AppEnv } from './app-env.js';
import { ApiRouter } from './api/api-router.js';
import { addChangeRoutes } from './api/routes/change-routes.js';
import { addExportRoutes } from './api/routes/export-routes.js';
import { ExportGate } from './exports/export-gate.js';
import { addRegistryRoutes } from './api/routes/registry-routes.js';
import { addSearchRoutes } from './api/routes/search-routes.js';
import { addSessionRoutes } from './api/routes/session-routes.js';
import { addLogTypeRoutes } from './api/routes/log-type-routes.js';
import { addTipRoutes } from './api/routes/tip-routes.js';
import { addComplaintRoutes } from './api/routes/complaint-routes.js';
import { addVendorReportRoutes } from './api/routes/vendor-report-routes.js';
import { authenticate } from './middleware/authenticate.js';
import { csrfProtection } from './middleware/csrf-protection.js';
import { rateLimit } from './middleware/rate-limit.js';
import { readOnlyCors } from './middleware/read-only-cors.js';
import { securityHeaders } from './middleware/security-headers.js';
import { privateNoStore } from './middleware/private-no-store.js';
import { serverSettings, type ServerSettings } from './server-settings.js';
import { DatabaseRateLimiter } from '../store/rate-limits/database-rate-limiter.js';
import { BatchingRateLimiter } from '../core/batching-rate-limiter.js';
import { problemFor, problemResponse } from './problem-details.js';

/** Paths that take a file upload (the portal's import and exposure forms), and how large one may be. */
const UPLOAD_PATHS = new Set(['/admin/import', '/exposure']);
/** Documents received on a records request (portal form and API). */
const DOCUMENT_UPLOAD = /^(\/api\/v1)?\/disclosure-requests\/[0-9a-f-]{36}\/documents$/;
const UPLOAD_LIMIT = 32 * 1024 * 1024;

/** What the HTTP app is built from. Modules plug their routes in with `mount`. */
export interface AppDependencies {
  readonly store: Store;
  readonly now?: () => Date;
  readonly version?: string;
  /** Called with the app and API router after the core routes, for module routes (log, alerts, portal). */
  readonly mount?: readonly ((app: Hono<AppEnv>, router: ApiRouter) => void)[];
  /** How errors outside /api are shown (the portal renders an HTML page). */
  readonly renderError?: (problem: ReturnType<typeof problemFor>, c: import('hono').Context<AppEnv>) => Response | Promise<Response>;
  /** Public URL, proxy trust and limits; defaults from `serverSettings()`. */
  readonly settings?: ServerSettings;
}

/**
 * Builds the Countersign HTTP app: API under /api/v1 (OpenAPI at /api/v1/openapi.json, errors as
 * RFC 9457 problems) and whatever modules mount. Tests call `app.request(…)` without a socket.
 *
 * @example
 * const app = createApp({ store });
 * const res = await app.request('http://localhost/api/v1/search?q=paragon');
 */
export function createApp({ store, now = () => new Date(), version = '0.1.0', mount = [], renderError, settings = serverSettings() }: AppDependencies): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('settings', settings);
    await next();
  });
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

  app.use('*', securityHeaders());
  app.use('*', privateNoStore());
  // Uploads (an import file, a fund's holdings) may be up to 32 MiB; every other body 1 MiB.
  const smallBodies = bodyLimit({ maxSize: 1024 * 1024, onError: (c) => problemResponse(c, { type: '/problems/too-large', title: 'Request too large', status: 413, detail: 'request bodies are limited to 1 MiB', code: 'TOO_LARGE' }) });
  const uploads = bodyLimit({ maxSize: UPLOAD_LIMIT, onError: (c) => problemResponse(c, { type: '/problems/too-large', title: 'Request too large', status: 413, detail: 'uploads are limited to 32 MiB', code: 'TOO_LARGE' }) });
  app.use('*', (c, next) => {
    // A GET or HEAD has no body to limit (and asking for one would build a whole fetch Request).
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return UPLOAD_PATHS.has(c.req.path) || DOCUMENT_UPLOAD.test(c.req.path) ? uploads(c, next) : smallBodies(c, next);
  });
  app.use('*', authenticate(store, now));
  app.use('*', readOnlyCors());
  app.use('*', csrfProtection());
  // Each bucket counts on its own (settings.rateLimits): tips cannot use up sign-in attempts.
  // Counts are shared through the database, added in batches far from a limit (exact near it).
  const limiter = new BatchingRateLimiter(new DatabaseRateLimiter(store.db, store.sqlite));
  const signIn = rateLimit(limiter, (limits) => limits.loginPerAddress, ['POST']);
  const tips = rateLimit(limiter, (limits) => limits.tips, ['POST']);
  const search = rateLimit(limiter, (limits) => limits.search, ['GET']);
  const logPages = rateLimit(limiter, (limits) => limits.logPages, ['GET']);
  for (const path of ['/api/v1/session', '/login', '/account/password', '/account/reset/*']) app.use(path, signIn);
  for (const path of ['/api/v1/tips', '/tips/new']) app.use(path, tips);
  for (const path of ['/api/v1/complaints', '/complaints/new']) app.use(path, tips);
  for (const path of ['/api/v1/search', '/search']) app.use(path, search);
  for (const path of ['/api/v1/log/entries', '/log', '/log/entries/*']) app.use(path, logPages);
  app.use('/api/v1/export', rateLimit(limiter, (limits) => limits.exports, ['GET']));

  const router = new ApiRouter(app);
  addRegistryRoutes(router, store);
  addSearchRoutes(router, store);
  addExportRoutes(router, store, new ExportGate(settings.exports));
  addChangeRoutes(router, store, now);
  addTipRoutes(router, store, now);
  addComplaintRoutes(router, store, now);
  addVendorReportRoutes(router, store, now);
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
