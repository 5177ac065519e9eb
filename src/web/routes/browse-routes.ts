import type { Hono } from 'hono';
import { z } from 'zod';
import { parseInput } from '../../core/parse-input.js';
import { recordStatusSchema, recordTypeSchema } from '../../registry/schemas/common.js';
import { listRecords } from '../../store/registry/queries/list-records.js';
import { partyRefs, sourceSummaries } from '../../store/registry/queries/lookups.js';
import { readDesignationCountryCounts } from '../../store/registry/queries/read-country-counts.js';
import { searchRegistry } from '../../store/search/search-registry.js';
import { searchRequestDocuments, type RequestDocumentHit } from '../../store/search/search-request-documents.js';
import { VersionedCache } from '../../store/versioned-cache.js';
import type { SearchResponse } from '../../registry/search/search-result.js';
import type { AppEnv } from '../../server/app-env.js';
import { designationsPage } from '../pages/designations-page.js';
import { homePage } from '../pages/home-page.js';
import { searchPage } from '../pages/search-page.js';
import type { PortalDependencies } from '../portal-dependencies.js';
import { pageFrame, pageResponse } from './page-response.js';
import { HomePanelsCache } from '../home-panels-cache.js';
import type { HomePanels } from '../../registry/home-panels.js';
import type { SafeHtml } from '../components/html.js';

const PAGE_SIZE = 20;
/** Published records-request documents a search page lists beside the records. */
const DOCUMENTS_SHOWN = 10;

/** An empty field in a GET form means "no filter". */
const optionalText = z.string().trim().max(100).optional().transform((v) => (v === '' ? undefined : v));
const offsetSchema = z.coerce.number().int().min(0).max(100_000).default(0);

const searchQuerySchema = z.object({
  q: z.string().max(300).default(''),
  type: z.union([z.literal('').transform(() => undefined), recordTypeSchema]).optional(),
  kind: optionalText,
  country: optionalText,
  authority: optionalText,
  status: z.union([z.literal('').transform(() => undefined), recordStatusSchema]).optional(),
  offset: offsetSchema,
});

const designationQuerySchema = z.object({
  authority: optionalText,
  state: z.union([z.literal('').transform(() => undefined), z.enum(['in-force', 'delisted'])]).optional(),
  offset: offsetSchema,
});

/**
 * The home page, search with facets, and the list of designations.
 *
 * @example
 * addBrowseRoutes(app, { store });
 */
export function addBrowseRoutes(app: Hono<AppEnv>, { store }: PortalDependencies): void {
  // One read of six statements per change, not one or more statements per item per request.
  const home = new HomePanelsCache(store);
  // Every anonymous reader sees the same page (no nonce, no token, path "/"): render it once per read of the panels.
  let anonymous: { panels: HomePanels; page: SafeHtml } | undefined;
  app.get('/', async (c) => {
    const panels = await home.get();
    const frame = pageFrame(c);
    if (frame.auth.user) return pageResponse(c, homePage(frame, panels));
    if (anonymous?.panels !== panels) anonymous = { panels, page: homePage(frame, panels) };
    return pageResponse(c, anonymous.page);
  });

  // Many readers ask the same searches: each answer is kept until the registry changes.
  const searches = new VersionedCache<{ response: SearchResponse; documents: RequestDocumentHit[] }>(store, 2000);
  app.get('/search', async (c) => {
    const request = parseInput(searchQuerySchema, c.req.query(), 'search');
    // Published request documents beside the first page of records; the record filters do not apply to them.
    const withDocuments = request.q.trim() !== '' && request.offset === 0 && !request.type && !request.kind && !request.country && !request.authority && !request.status;
    const { response, documents } = await searches.get(JSON.stringify(request), async () => ({
      response: await searchRegistry(store.db, store.dialect, { ...request, limit: PAGE_SIZE }),
      documents: withDocuments ? await searchRequestDocuments(store.db, store.dialect, request.q, DOCUMENTS_SHOWN) : [],
    }));
    return pageResponse(c, searchPage(pageFrame(c, request.q), request, response, documents));
  });

  app.get('/designations', async (c) => {
    const request = parseInput(designationQuerySchema, c.req.query(), 'designation filters');
    const active = request.state === undefined ? undefined : request.state === 'in-force';
    const page = await listRecords(store.db, 'designation', { limit: PAGE_SIZE * 2, offset: request.offset, designations: { authority: request.authority, active } });
    const authorities = (await store.db.selectFrom('designations').select('authority').distinct().orderBy('authority').execute()).map((r) => r.authority);
    const subjects = await partyRefs(store.db, page.items.map((d) => d.subject));
    const sources = await sourceSummaries(store.db, page.items.flatMap((d) => d.sources));
    const countries = await readDesignationCountryCounts(store.db, { authority: request.authority, active });
    return pageResponse(c, designationsPage(pageFrame(c), request, { page, subjects, authorities, sources, countries }));
  });
}
