import type { Hono } from 'hono';
import { parseInput } from '../../core/parse-input.js';
import { INDEX_COLLECTIONS, INDEX_RECORD_TYPE, indexQuerySchema, type IndexCollection } from '../../registry/listing/index-query.js';
import type { RegistryRecord } from '../../registry/registry-record.js';
import { recordReferences } from '../../registry/record-references.js';
import type { AppEnv } from '../../server/app-env.js';
import { getRecord } from '../../store/registry/get-record.js';
import { partyRefs, productRefs } from '../../store/registry/queries/lookups.js';
import { countSourcesWithoutCopy, readIndexKeys, readIndexOptions } from '../../store/registry/queries/read-index.js';
import type { Store } from '../../store/store.js';
import { indexPage, type IndexView } from '../pages/index-page.js';
import type { PortalDependencies } from '../portal-dependencies.js';
import { AnonymousPageCache } from './anonymous-page-cache.js';
import { pageFrame, pageResponse } from './page-response.js';

const PAGE_SIZE = 25;

async function recordsOf(store: Store, collection: IndexCollection, keys: readonly string[]): Promise<RegistryRecord[]> {
  const type = INDEX_RECORD_TYPE[collection];
  const out: RegistryRecord[] = [];
  for (const key of keys) {
    const record = await getRecord(store.db, type, key);
    // A record deleted between the two reads is left out.
    if (record) out.push({ type, record } as RegistryRecord);
  }
  return out;
}

async function readView(store: Store, collection: IndexCollection, query: ReturnType<ReturnType<typeof indexQuerySchema>['parse']>): Promise<IndexView> {
  const { keys, total } = await readIndexKeys(store.db, collection, query, query, PAGE_SIZE, query.offset);
  const records = await recordsOf(store, collection, keys);
  const named = new Set<string>();
  const products = new Set<string>();
  for (const entry of records) {
    for (const reference of recordReferences(entry)) {
      if (reference.types.includes('product')) products.add(reference.key);
      else if (reference.types.includes('organization') || reference.types.includes('person')) named.add(reference.key);
    }
  }
  const refs = new Map([...(await partyRefs(store.db, [...named])), ...(await productRefs(store.db, [...products]))]);
  const authorities = new Map<string, string[]>();
  if ((collection === 'organizations' || collection === 'people') && keys.length > 0) {
    for (const d of await store.db.selectFrom('designations').select(['subjectId', 'authority']).where('subjectId', 'in', [...keys]).execute()) {
      authorities.set(d.subjectId, [...(authorities.get(d.subjectId) ?? []), d.authority]);
    }
  }
  return {
    records, total, limit: PAGE_SIZE, refs, authorities,
    options: await readIndexOptions(store.db, collection),
    ...(collection === 'sources' ? { sourcesWithoutCopy: await countSourcesWithoutCopy(store.db) } : {}),
  };
}

/**
 * The index pages: `/organizations`, `/people`, `/products`, `/incidents`, `/contracts`,
 * `/sources` and `/policies`, each with its filters (`?country=IT&status=documented&from=2024`),
 * `sort`, `order` and `offset`. A filter the index does not have is a 400 naming it.
 *
 * @example
 * addIndexRoutes(app, { store });
 */
export function addIndexRoutes(app: Hono<AppEnv>, { store }: PortalDependencies): void {
  const pages = new AnonymousPageCache(store);
  for (const collection of INDEX_COLLECTIONS) {
    const schema = indexQuerySchema(collection);
    app.get(`/${collection}`, async (c) => {
      const query = parseInput(schema, c.req.query(), `${collection} filters`);
      return pageResponse(c, await pages.page(c, async () => indexPage(pageFrame(c), collection, query, await readView(store, collection, query))));
    });
  }
}
