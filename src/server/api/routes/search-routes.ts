import { z } from 'zod';
import { recordStatusSchema, recordTypeSchema } from '../../../registry/schemas/common.js';
import { MATCH_FIELDS } from '../../../registry/search/rank-matches.js';
import { searchRegistry } from '../../../store/search/search-registry.js';
import type { Store } from '../../../store/store.js';
import type { ApiRouter } from '../api-router.js';
import { VersionedCache } from '../../../store/versioned-cache.js';
import type { SearchResponse } from '../../../registry/search/search-result.js';

export const searchQuerySchema = z.object({
  q: z.string().max(500).default(''),
  type: recordTypeSchema.optional(),
  kind: z.string().max(40).optional(),
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
  authority: z.string().max(20).optional(),
  status: recordStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

const facetCounts = z.record(z.string(), z.number().int());

/** A search hit as the API shows it: enough to link, filter and see why it matched. */
export const searchResultPresenter = z.object({
  type: recordTypeSchema,
  id: z.string(),
  name: z.string(),
  url: z.string().describe('the portal page'),
  status: recordStatusSchema,
  kind: z.string().optional(),
  countries: z.array(z.string()),
  authorities: z.array(z.string()),
  identifiers: z.record(z.string(), z.string()).optional(),
  matched: z.object({ field: z.enum(MATCH_FIELDS), text: z.string().optional(), rank: z.number().optional().describe('lower ranks first') }).describe('why it matched: the field, and the text or related record given'),
});

export const searchResponsePresenter = z.object({
  query: z.string(),
  results: z.array(searchResultPresenter),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  corrected: z.array(z.object({ word: z.string(), read: z.array(z.string()) })).optional().describe('words read as a near spelling'),
  facets: z.object({ type: facetCounts, kind: facetCounts, country: facetCounts, authority: facetCounts, status: facetCounts }).describe('counts per value over the filtered results'),
});

/** Search across names, aliases, former names, products, incidents and contracts. */
export function addSearchRoutes(router: ApiRouter, store: Store): void {
  // Many readers ask the same searches: each answer is kept until the registry changes.
  const answers = new VersionedCache<SearchResponse>(store, 2000);
  router.add(
    {
      method: 'get', path: '/search', operationId: 'search', summary: 'Search the registry (case- and accent-insensitive, prefix), best match first, with facets', tag: 'registry', query: searchQuerySchema,
      responses: { 200: { description: 'Results and facet counts', schema: searchResponsePresenter } },
    },
    async (_c, { query, reply }) => reply(await answers.get(JSON.stringify(query), () => searchRegistry(store.db, store.dialect, query))),
  );
}
