import { z } from 'zod';
import { recordStatusSchema, recordTypeSchema } from '../../../registry/schemas/common.js';
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

const RESULT = {
  type: 'object',
  required: ['type', 'id', 'name', 'url', 'status'],
  properties: {
    type: { type: 'string' }, id: { type: 'string' }, name: { type: 'string' }, url: { type: 'string' }, status: { type: 'string' }, kind: { type: 'string' },
    countries: { type: 'array', items: { type: 'string' } }, authorities: { type: 'array', items: { type: 'string' } },
    identifiers: { type: 'object', additionalProperties: { type: 'string' } },
    matched: { type: 'object', properties: { field: { type: 'string' }, text: { type: 'string' } } },
  },
};

/** Search across names, aliases, former names, products, incidents and contracts. */
export function addSearchRoutes(router: ApiRouter, store: Store): void {
  // Many readers ask the same searches: each answer is kept until the registry changes.
  const answers = new VersionedCache<SearchResponse>(store, 2000);
  router.add(
    {
      method: 'get', path: '/search', operationId: 'search', summary: 'Search the registry (case- and accent-insensitive, prefix), best match first, with facets', tag: 'registry', query: searchQuerySchema,
      responses: { 200: { description: 'Results and facet counts', schema: { type: 'object', required: ['results'], properties: { results: { type: 'array', items: RESULT }, total: { type: 'integer' }, facets: { type: 'object' } } } } },
    },
    async (c, { query }) => c.json(await answers.get(JSON.stringify(query), () => searchRegistry(store.db, store.dialect, query))),
  );
}
