import type { Context, Hono } from 'hono';
import { vendorReportsSectionFor } from './vendor-reports-section.js';
import { piidSchema } from '../../registry/schemas/contract.js';
import { recordIdSchema } from '../../registry/schemas/common.js';
import type { AppEnv } from '../../server/app-env.js';
import { historyOf } from '../../store/registry/queries/lookups.js';
import { readLicensesOfOrganization } from '../../store/oversight/export-licenses/read-export-licenses.js';
import { readContracts } from '../../store/registry/queries/read-contracts.js';
import { readIncident, readOrganization, readPerson, readProduct, readSource } from '../../store/registry/queries/read-records.js';
import { contractPage } from '../pages/contract-page.js';
import { incidentPage } from '../pages/incident-page.js';
import { organizationPage } from '../pages/organization-page.js';
import { personPage } from '../pages/person-page.js';
import { productPage } from '../pages/product-page.js';
import { sourcePage } from '../pages/source-page.js';
import type { PortalDependencies } from '../portal-dependencies.js';
import { citingRecords } from './citing-records.js';
import { found, pageFrame, pageResponse } from './page-response.js';
import { AnonymousPageCache } from './anonymous-page-cache.js';

/** Export licences an organisation's page lists, newest first (it says how many there are in all). */
const LICENSES_SHOWN = 50;

/** An id from the URL, or null when it cannot be one (the page then answers 404, like any unknown id). */
function validId(value: string): string | null {
  return recordIdSchema.safeParse(value).success ? value : null;
}

/**
 * The record pages: organisations, people, products, incidents, contracts and sources.
 *
 * @example
 * addRecordRoutes(app, { store, logEntriesFor });
 */
export function addRecordRoutes(app: Hono<AppEnv>, { store, logEntriesFor, now = () => new Date() }: PortalDependencies): void {
  const db = store.db;
  const transparencyReports = (c: Context<AppEnv>, o: { id: string; kind: string }) => vendorReportsSectionFor(db, c.get('auth')?.actor, o, now());
  const log = (subject: string) => (logEntriesFor ? logEntriesFor(subject) : Promise.resolve(undefined));
  const read = async <T>(id: string, reader: (id: string) => Promise<T | null>): Promise<T | null> => {
    const valid = validId(id);
    return valid === null ? null : reader(valid);
  };

  // Organisation pages are the most read and the most costly (families, roll-ups, graph): kept per change for anonymous readers.
  const pages = new AnonymousPageCache(store);
  app.get('/organizations/:id', async (c) => pageResponse(c, await pages.page(c, async () => {
    const view = found(await read(c.req.param('id'), (id) => readOrganization(db, id)), 'organization with this id');
    return organizationPage(pageFrame(c), view, {
      logEntries: await log(`organization:${view.organization.id}`),
      transparencyReports: await transparencyReports(c, view.organization),
      exportLicenses: await readLicensesOfOrganization(db, view.organization.id, LICENSES_SHOWN),
    });
  })));
  app.get('/people/:id', async (c) => {
    const view = found(await read(c.req.param('id'), (id) => readPerson(db, id)), 'person with this id');
    return pageResponse(c, personPage(pageFrame(c), view, await log(`person:${view.person.id}`)));
  });
  app.get('/products/:id', async (c) => {
    const view = found(await read(c.req.param('id'), (id) => readProduct(db, id)), 'product with this id');
    return pageResponse(c, productPage(pageFrame(c), view, await log(`product:${view.product.id}`)));
  });
  app.get('/incidents/:id', async (c) => {
    const view = found(await read(c.req.param('id'), (id) => readIncident(db, id)), 'incident with this id');
    return pageResponse(c, incidentPage(pageFrame(c), view, await log(`incident:${view.incident.id}`)));
  });
  app.get('/contracts/:piid', async (c) => {
    const piid = c.req.param('piid');
    const view = found(piidSchema.safeParse(piid).success ? (await readContracts(db, [piid]))[0] : null, 'contract with this PIID');
    return pageResponse(c, contractPage(pageFrame(c), view, await historyOf(db, 'contract', piid), await log(`contract:${piid}`)));
  });
  app.get('/sources/:id', async (c) => {
    const view = found(await read(c.req.param('id'), (id) => readSource(db, id)), 'source with this id');
    return pageResponse(c, sourcePage(pageFrame(c), view.source, await citingRecords(db, view.citedBy), await log(`source:${view.source.id}`)));
  });
}
