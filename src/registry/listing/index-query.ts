import { z } from 'zod';
import { partialDateSchema, recordStatusSchema, type RecordType } from '../schemas/common.js';

/** The record types with an index page (`/organizations` …), by their collection name. */
export const INDEX_COLLECTIONS = ['organizations', 'people', 'products', 'incidents', 'contracts', 'sources', 'policies'] as const;
export type IndexCollection = (typeof INDEX_COLLECTIONS)[number];

export const INDEX_RECORD_TYPE = {
  organizations: 'organization',
  people: 'person',
  products: 'product',
  incidents: 'incident',
  contracts: 'contract',
  sources: 'source',
  policies: 'policy',
} as const satisfies Record<IndexCollection, RecordType>;

/** How a source can be opened: a link the source states, an archived copy, or neither. */
export const SOURCE_AVAILABILITY = ['link', 'archive', 'neither'] as const;
export type SourceAvailability = (typeof SOURCE_AVAILABILITY)[number];

/** Every filter an index takes; which apply to which collection is `INDEX_FILTERS`. */
export const INDEX_FILTER_NAMES = ['country', 'kind', 'status', 'authority', 'available', 'from', 'to'] as const;
export type IndexFilterName = (typeof INDEX_FILTER_NAMES)[number];

/** An empty form field means "no filter". */
function blankIsAbsent<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
}

/** The filters of an index, as the page's GET form and the export's query string give them. */
export const indexFilterShape = {
  country: blankIsAbsent(z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as IT or IL')),
  kind: blankIsAbsent(z.string().trim().max(50).regex(/^[a-z-]+$/, 'must be a kind such as vendor or government-agency')),
  status: blankIsAbsent(recordStatusSchema),
  authority: blankIsAbsent(z.string().trim().max(50).regex(/^[A-Z0-9-]+$/, 'must be an authority code such as US-OFAC')),
  available: blankIsAbsent(z.enum(SOURCE_AVAILABILITY)),
  from: blankIsAbsent(partialDateSchema),
  to: blankIsAbsent(partialDateSchema),
};

export type IndexFilters = { -readonly [K in IndexFilterName]?: string | undefined } & {
  status?: z.infer<typeof recordStatusSchema> | undefined;
  available?: SourceAvailability | undefined;
};

/** Which filters each index offers, and the orders it can be sorted in (the first is the default). */
export const INDEX_FILTERS: Readonly<Record<IndexCollection, readonly IndexFilterName[]>> = {
  organizations: ['country', 'kind', 'status', 'authority'],
  people: ['country', 'status', 'authority'],
  products: ['status'],
  incidents: ['country', 'status', 'from', 'to'],
  contracts: ['status'],
  sources: ['available', 'status', 'from', 'to'],
  policies: ['country', 'status', 'from', 'to'],
};

export const INDEX_SORTS = ['name', 'date', 'country', 'kind', 'value'] as const;
export type IndexSort = (typeof INDEX_SORTS)[number];

export const INDEX_SORTS_OF: Readonly<Record<IndexCollection, readonly IndexSort[]>> = {
  organizations: ['name', 'country', 'kind'],
  people: ['name', 'country'],
  products: ['name'],
  incidents: ['date', 'name', 'country'],
  contracts: ['name', 'value'],
  sources: ['date', 'name'],
  policies: ['date', 'name', 'country'],
};

/** The filters that were given, by name, leaving out empty ones. */
export function activeFilters(filters: IndexFilters): [IndexFilterName, string][] {
  return INDEX_FILTER_NAMES.flatMap((name) => {
    const value = filters[name];
    return value === undefined ? [] : [[name, value] as [IndexFilterName, string]];
  });
}

/**
 * Refuses filters the collection does not have (so `?kind=vendor` on /incidents is a 400 naming
 * `kind`, not a silently unfiltered list), and a `from` after `to`.
 */
export function checkIndexFilters(collection: IndexCollection, filters: IndexFilters, ctx: z.RefinementCtx): void {
  for (const [name] of activeFilters(filters)) {
    if (!INDEX_FILTERS[collection].includes(name)) {
      ctx.addIssue({ code: 'custom', path: [name], message: `${collection} cannot be filtered by ${name}; filters: ${INDEX_FILTERS[collection].join(', ')}` });
    }
  }
  if (filters.from !== undefined && filters.to !== undefined && filters.from > filters.to) {
    ctx.addIssue({ code: 'custom', path: ['from'], message: `from (${filters.from}) is after to (${filters.to})` });
  }
}

/**
 * The query of an index page: its filters, sort order, direction and offset.
 *
 * @example
 * indexQuerySchema('incidents').parse({ country: 'it', sort: 'date' }); // { country: 'IT', sort: 'date', order: 'desc', offset: 0 }
 */
export function indexQuerySchema(collection: IndexCollection) {
  const sorts = INDEX_SORTS_OF[collection];
  return z
    .object({
      ...indexFilterShape,
      sort: blankIsAbsent(z.enum(INDEX_SORTS)),
      order: blankIsAbsent(z.enum(['asc', 'desc'])),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    })
    .superRefine((query, ctx) => {
      checkIndexFilters(collection, query, ctx);
      if (query.sort !== undefined && !sorts.includes(query.sort)) {
        ctx.addIssue({ code: 'custom', path: ['sort'], message: `${collection} can be sorted by ${sorts.join(', ')}` });
      }
    })
    .transform((query) => {
      const sort = query.sort ?? sorts[0] ?? 'name';
      return { ...query, sort, order: query.order ?? (sort === 'date' || sort === 'value' ? 'desc' : 'asc') } as IndexFilters & { sort: IndexSort; order: 'asc' | 'desc'; offset: number };
    });
}
export type IndexQuery = z.output<ReturnType<typeof indexQuerySchema>>;

/** Whether a collection is one with an index page. */
export function isIndexCollection(value: string): value is IndexCollection {
  return INDEX_COLLECTIONS.some((c) => c === value);
}
