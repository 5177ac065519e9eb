import { z } from 'zod';
import { RECORD_TYPES, type RecordType } from '../schemas/common.js';
import { FTM_RECORD_TYPES } from './ftm/record-to-ftm.js';
import { activeFilters, checkIndexFilters, indexFilterShape, isIndexCollection, type IndexCollection, type IndexFilters } from '../listing/index-query.js';

/** The open-data formats: one CSV table per record type, NDJSON records, FollowTheMoney entities. */
export const EXPORT_FORMATS = ['csv', 'ndjson', 'ftm'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What `type` is called in an export request: the API's collection names. */
export const EXPORT_TYPE_NAMES = ['organizations', 'people', 'products', 'relationships', 'designations', 'incidents', 'contracts', 'transactions', 'sources', 'policies'] as const;
export type ExportTypeName = (typeof EXPORT_TYPE_NAMES)[number];

const RECORD_TYPE_OF = {
  organizations: 'organization',
  people: 'person',
  products: 'product',
  relationships: 'relationship',
  designations: 'designation',
  incidents: 'incident',
  contracts: 'contract',
  transactions: 'transaction',
  sources: 'source',
  policies: 'policy',
} as const satisfies Record<ExportTypeName, RecordType>;

/**
 * An export request, as the API's query string and the CLI's options give it. CSV is one table,
 * so it needs a type; NDJSON and FtM export every type when none is given. FtM has no schema for
 * products, transactions, sources or policies (see ftm/README), so asking for those is refused
 * rather than answered with an empty file.
 *
 * @example
 * exportRequestSchema.parse({ format: 'csv', type: 'organizations' });
 */
export const exportRequestSchema = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    type: z.enum(EXPORT_TYPE_NAMES).optional(),
    // The index pages' filters: an export of exactly what /organizations?country=IL shows.
    ...indexFilterShape,
  })
  .superRefine((request, ctx) => {
    const filtered = activeFilters(request);
    if (filtered.length > 0) {
      if (request.type === undefined || !isIndexCollection(request.type)) {
        ctx.addIssue({ code: 'custom', path: [filtered[0]?.[0] ?? 'type'], message: 'filters need a type with an index: organizations, people, products, incidents, contracts, sources or policies' });
      } else {
        checkIndexFilters(request.type, request, ctx);
      }
    }
    if (request.format === 'csv' && request.type === undefined) {
      ctx.addIssue({ code: 'custom', path: ['type'], message: `CSV needs a type: one of ${EXPORT_TYPE_NAMES.join(', ')}` });
    }
    if (request.format === 'ftm' && request.type !== undefined && !FTM_RECORD_TYPES.includes(RECORD_TYPE_OF[request.type])) {
      ctx.addIssue({ code: 'custom', path: ['type'], message: `FollowTheMoney has no schema for ${request.type}; FtM exports ${EXPORT_TYPE_NAMES.filter((t) => FTM_RECORD_TYPES.includes(RECORD_TYPE_OF[t])).join(', ')}` });
    }
  });
export type ExportRequest = z.output<typeof exportRequestSchema>;

/** What an export request resolves to: the record types to read, in order, and how to send the result. */
export interface ExportPlan {
  readonly format: ExportFormat;
  /** Only the records of `recordTypes[0]` that pass these (an index page's filters); absent: every record. */
  readonly filter?: { readonly collection: IndexCollection; readonly filters: IndexFilters };
  readonly recordTypes: readonly RecordType[];
  readonly contentType: string;
  readonly fileName: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  // RFC 4180 §3 registers text/csv with a charset parameter; the export is UTF-8 without a BOM.
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson',
  // OpenSanctions publishes FtM entities one JSON object a line (entities.ftm.json): NDJSON too.
  ftm: 'application/x-ndjson',
};

const EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv', ndjson: 'ndjson', ftm: 'ftm.json' };

/**
 * Resolves a request: which record types to read and in which order (records that others point
 * at first — for FtM, organisations and people before the sanctions and links that name them),
 * the content type, and a file name.
 *
 * @example
 * exportPlan({ format: 'ftm' });
 * // { format: 'ftm', recordTypes: ['organization', 'person', 'designation', …], contentType: 'application/x-ndjson', fileName: 'countersign.ftm.json' }
 */
export function exportPlan(request: ExportRequest): ExportPlan {
  const all = request.format === 'ftm' ? FTM_RECORD_TYPES : RECORD_TYPES;
  const filters = Object.fromEntries(activeFilters(request)) as IndexFilters;
  const filtered = request.type !== undefined && isIndexCollection(request.type) && Object.keys(filters).length > 0;
  return {
    format: request.format,
    ...(filtered && request.type !== undefined && isIndexCollection(request.type) ? { filter: { collection: request.type, filters } } : {}),
    recordTypes: request.type === undefined ? all : [RECORD_TYPE_OF[request.type]],
    contentType: CONTENT_TYPES[request.format],
    fileName: `countersign${request.type === undefined ? '' : `-${request.type}`}${filtered ? '-filtered' : ''}.${EXTENSIONS[request.format]}`,
  };
}
