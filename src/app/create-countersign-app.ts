import type { Hono } from 'hono';
import type { Ledger } from '../ledger/sequencer/ledger.js';
import type { AppEnv } from '../server/app-env.js';
import type { ApiRouter } from '../server/api/api-router.js';
import { addAlertRoutes } from '../server/api/routes/alert-routes.js';
import { addReviewRoutes } from '../server/api/routes/review-routes.js';
import { addAlertAnnotationRoutes } from '../server/api/routes/alert-annotation-routes.js';
import { addRecordSchemaRoutes } from '../server/api/routes/record-schema-routes.js';
import { addCaseRoutes } from '../server/api/routes/case-routes.js';
import { addDisclosureRequestRoutes } from '../server/api/routes/disclosure-request-routes.js';
import { DRAFT_SUBJECT_READERS } from './draft-subject-readers.js';
import { addDocketRoutes } from '../server/api/routes/docket-routes.js';
import { addGrantRoutes } from '../server/api/routes/grant-routes.js';
import { addExportLicenseRoutes } from '../server/api/routes/export-license-routes.js';
import { addUsesRoutes } from '../server/api/routes/uses-routes.js';
import { scopeExists } from './scope-exists.js';
import { WORKFLOWS } from './workflows.js';
import { createApp } from '../server/create-app.js';
import { mountLog } from '../server/mount-log.js';
import { readLogEntries } from '../store/ledger/read-log-entries.js';
import type { Store } from '../store/store.js';
import { serverSettings, type ServerSettings } from '../server/server-settings.js';
import { mountPortal, renderPortalError, type PortalDependencies } from '../web/mount-portal.js';

/**
 * The whole Countersign HTTP app: the API under /api/v1, procurement alerts and their Atom feed,
 * the transparency log (C2SP tiles under /log/, and /api/v1/log) when a ledger runs, and the
 * public portal, with HTML error pages outside /api. What `countersign serve` runs.
 *
 * @example
 * const app = createCountersignApp({ store, ledger });
 * serve({ fetch: app.fetch, port: 8080 });
 */
export function createCountersignApp({ store, ledger, now = () => new Date(), settings = serverSettings(), inspect, ...overrides }: { store: Store; ledger?: Ledger; now?: () => Date; logEntriesFor?: PortalDependencies['logEntriesFor']; settings?: ServerSettings; inspect?: (router: ApiRouter) => void }): Hono<AppEnv> {
  const logEntriesFor: PortalDependencies['logEntriesFor'] | undefined = overrides.logEntriesFor ?? ledger
    ? async (subject) => {
        const { items } = await readLogEntries(store.db, { subject, limit: 50, offset: 0 });
        return items.map((e) => ({ index: Number(e.index), type: e.type, time: e.time, href: `/log/entries/${e.index}` }));
      }
    : undefined;
  return createApp({
    store,
    now,
    settings,
    mount: [
      (app, router) => addAlertRoutes(app, router, store, now),
      (app, router) => addReviewRoutes(app, router, store, now),
      (app, router) => addDocketRoutes(app, router, store, now),
      (_app, router) => addAlertAnnotationRoutes(router, store, now),
      (_app, router) => addRecordSchemaRoutes(router),
      (_app, router) => addCaseRoutes(router, store, WORKFLOWS, settings.publicUrl.href.replace(/\/$/, '')),
      (_app, router) => addGrantRoutes(router, store, now, scopeExists),
      (_app, router) => addExportLicenseRoutes(router, store, now),
      (_app, router) => addDisclosureRequestRoutes(router, store, now, DRAFT_SUBJECT_READERS, settings.publicUrl.href.replace(/\/$/, '')),
      (_app, router) => addUsesRoutes(router, store, now),
      ...(ledger ? [mountLog(store, ledger, now)] : []),
      mountPortal({ store, now, draftSubjectReaders: DRAFT_SUBJECT_READERS, ...(logEntriesFor ? { logEntriesFor } : {}), ...(ledger ? { ledger } : {}) }),
      // Last, so it sees every route (tests read the router's declarations this way).
      ...(inspect ? [(_app: Hono<AppEnv>, router: ApiRouter) => inspect(router)] : []),
    ],
    renderError: renderPortalError,
  });
}
