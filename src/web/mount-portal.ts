import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../server/app-env.js';
import type { ProblemDetails } from '../server/problem-details.js';
import { errorPage } from './pages/error-page.js';
import type { PortalDependencies } from './portal-dependencies.js';
import { addAccountRoutes } from './routes/account-routes.js';
import { addPasswordRoutes } from './routes/password-routes.js';
import { addAlertPageRoutes } from './routes/alert-page-routes.js';
import { addAcquisitionReviewPageRoutes } from './routes/acquisition-review-page-routes.js';
import { addAlertPermalinkRoutes } from './routes/alert-permalink-routes.js';
import { addUsesPageRoutes } from './routes/uses-page-routes.js';
import { addBrowseRoutes } from './routes/browse-routes.js';
import { addIndexRoutes } from './routes/index-routes.js';
import { addLogPageRoutes } from './routes/log-page-routes.js';
import { addMapRoutes } from './routes/map-routes.js';
import { addRecordRoutes } from './routes/record-routes.js';
import { addOrganizationFeedRoutes } from './routes/organization-feed-routes.js';
import { addContractVerificationRoutes } from './routes/contract-verification-routes.js';
import { addReviewRoutes } from './routes/review-routes.js';
import { addProposalRoutes } from './routes/proposal-routes.js';
import { addSourceArchiveRoutes } from './routes/source-archive-routes.js';
import { addStaticRoutes } from './routes/static-routes.js';
import { addTipRoutes } from './routes/tip-routes.js';
import { addUploadRoutes } from './routes/upload-routes.js';
import { addExportLicensePageRoutes } from './routes/export-license-page-routes.js';
import { addDisclosureRequestPageRoutes } from './routes/disclosure-request-page-routes.js';
import { addDocketPageRoutes } from './routes/docket-page-routes.js';
import { addComplaintPageRoutes } from './routes/complaint-page-routes.js';
import { addVendorReportPageRoutes } from './routes/vendor-report-page-routes.js';
import { pageFrame, pageResponse } from './routes/page-response.js';

export type { PortalDependencies, TransparencyLogEntry } from './portal-dependencies.js';

/**
 * The public portal as a plug-in for `createApp`: server-rendered pages that work without
 * JavaScript — home, search, record pages, designations, procurement alerts, the transparency log
 * and its entries, sign-in, tips, and the staff's review, alert and tip queues — plus /static/*.
 *
 * @example
 * const app = createApp({ store, mount: [mountPortal({ store, ledger })], renderError: renderPortalError });
 */
export function mountPortal(deps: PortalDependencies): (app: Hono<AppEnv>) => void {
  return (app) => {
    addStaticRoutes(app);
    addMapRoutes(app);
    addBrowseRoutes(app, deps);
    addIndexRoutes(app, deps);
    addRecordRoutes(app, deps);
    addOrganizationFeedRoutes(app, deps);
    addContractVerificationRoutes(app, deps);
    addSourceArchiveRoutes(app, deps);
    addAccountRoutes(app, deps);
    addPasswordRoutes(app, deps);
    addTipRoutes(app, deps);
    addReviewRoutes(app, deps);
    addProposalRoutes(app, deps);
    addAlertPageRoutes(app, deps);
    addAcquisitionReviewPageRoutes(app, deps);
    addAlertPermalinkRoutes(app, deps);
    addUsesPageRoutes(app, deps);
    addLogPageRoutes(app, deps);
    addUploadRoutes(app, deps);
    addExportLicensePageRoutes(app, deps);
    addDisclosureRequestPageRoutes(app, deps);
    addDocketPageRoutes(app, deps);
    addComplaintPageRoutes(app, deps);
    addVendorReportPageRoutes(app, deps);
  };
}

const STATUSES = new Set<number>([400, 401, 403, 404, 409, 413, 429, 500]);

function statusOf(problem: ProblemDetails): ContentfulStatusCode {
  switch (problem.status) {
    case 400: case 401: case 403: case 404: case 409: case 413: case 429: return problem.status;
    default: return 500;
  }
}

/**
 * Errors on portal paths as an HTML page with the problem's status (404, 400, 403 …), for
 * `createApp`'s `renderError`.
 *
 * @example
 * const app = createApp({ store, renderError: renderPortalError });
 */
export function renderPortalError(problem: ProblemDetails, c: Context<AppEnv>): Response {
  const status = STATUSES.has(problem.status) ? statusOf(problem) : 500;
  return pageResponse(c, errorPage(pageFrame(c), problem), status);
}
