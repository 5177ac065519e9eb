import { exportLines } from '../../../registry/export/export-lines.js';
import { EXPORT_TYPE_NAMES, exportPlan, exportRequestSchema } from '../../../registry/export/export-request.js';
import { readExportBatches } from '../../../store/registry/queries/read-export-batches.js';
import { withVendorReports } from '../../../store/disclosure/vendor-report-export.js';
import type { Store } from '../../../store/store.js';
import type { ApiRouter } from '../api-router.js';
import { EXPORT_RETRY_AFTER_SECONDS, type ExportGate, type ExportTicket } from '../../exports/export-gate.js';
import { gatedExportStream } from '../../exports/gated-export-stream.js';
import { rateLimitKey } from '../../middleware/rate-limit.js';
import { CommandError } from '../../../core/command-error.js';

/**
 * Records per chunk over HTTP. Each chunk is read in one turn of the event loop (SQLite reads are
 * synchronous), so a small chunk keeps other requests' wait short: 25 records take a few tens of
 * milliseconds to read here, where 100 took up to a fifth of a second under load.
 */
const HTTP_EXPORT_BATCH = 25;

/**
 * Open data: `GET /export` streams the registry as CSV (one table per record type), NDJSON
 * records, or FollowTheMoney entities for OpenSanctions tooling. Public, like every registry read.
 * The gate bounds how many exports read the database at once and per client (429 past it).
 *
 * @example
 * addExportRoutes(router, store, new ExportGate(DEFAULT_EXPORT_LIMITS));
 * // GET /api/v1/export?format=csv&type=organizations → text/csv, attachment countersign-organizations.csv
 */
export function addExportRoutes(router: ApiRouter, store: Store, gate: ExportGate): void {
  router.add(
    {
      method: 'get',
      path: '/export',
      operationId: 'exportRegistry',
      summary: 'The registry as open data: CSV (one type), NDJSON records, or FollowTheMoney entities (JSON lines, OpenSanctions-compatible), streamed',
      tag: 'registry',
      query: exportRequestSchema,
      responses: {
        429: { description: 'Too many exports at once from this client, or the server is busy with others: see Retry-After' },
        200: {
          description: `The export as an attachment. format=csv: text/csv; charset=utf-8 (RFC 4180, CRLF, header line; lists joined with "; "; cells starting with = + - @ prefixed with ' against spreadsheet formulas), type required (${EXPORT_TYPE_NAMES.join(', ')}). format=ndjson: application/x-ndjson, one {"type","record"} a line, all types unless type is given. With type and an index page's filters (country, kind, status, authority, available, from, to — those the type's index has), exactly the records that index shows. format=ftm: application/x-ndjson, one FollowTheMoney entity {"id","schema","properties","datasets"} a line (organizations, people, designations, relationships, contracts, incidents).`,
          contentType: 'application/x-ndjson',
          schema: { type: 'string' },
        },
      },
    },
    async (c, { query }) => {
      const plan = exportPlan(query);
      let ticket: ExportTicket;
      try {
        ticket = gate.admit(rateLimitKey(c));
      } catch (error) {
        if (error instanceof CommandError && error.code === 'RATE_LIMITED') c.header('retry-after', String(EXPORT_RETRY_AFTER_SECONDS));
        throw error;
      }
      const body = gatedExportStream(withVendorReports(exportLines(plan, readExportBatches(store.db, plan.recordTypes, { batchSize: HTTP_EXPORT_BATCH, filter: plan.filter })), store.db, plan, query.type === undefined), ticket);
      return c.body(body, 200, { 'content-type': plan.contentType, 'content-disposition': `attachment; filename="${plan.fileName}"` });
    },
  );
}
