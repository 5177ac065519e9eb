import { exportLines } from '../../../registry/export/export-lines.js';
import { EXPORT_TYPE_NAMES, exportPlan, exportRequestSchema } from '../../../registry/export/export-request.js';
import { readExportBatches } from '../../../store/registry/queries/read-export-batches.js';
import type { Store } from '../../../store/store.js';
import type { ApiRouter } from '../api-router.js';

/**
 * A byte stream that pulls the next chunk only when the client has taken the last one, so a slow
 * download holds one batch in memory, and a closed connection stops the reading.
 */
function streamOf(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          // The status line is long sent: all that is left is to cut the body short and say why here.
          console.error('GET /api/v1/export failed part-way:', error instanceof Error ? error.stack ?? error.message : error);
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}

/**
 * Open data: `GET /export` streams the registry as CSV (one table per record type), NDJSON
 * records, or FollowTheMoney entities for OpenSanctions tooling. Public, like every registry read.
 *
 * @example
 * addExportRoutes(router, store);
 * // GET /api/v1/export?format=csv&type=organizations → text/csv, attachment countersign-organizations.csv
 */
export function addExportRoutes(router: ApiRouter, store: Store): void {
  router.add(
    {
      method: 'get',
      path: '/export',
      operationId: 'exportRegistry',
      summary: 'The registry as open data: CSV (one type), NDJSON records, or FollowTheMoney entities (JSON lines, OpenSanctions-compatible), streamed',
      tag: 'registry',
      query: exportRequestSchema,
      responses: {
        200: {
          description: `The export as an attachment. format=csv: text/csv; charset=utf-8 (RFC 4180, CRLF, header line; lists joined with "; "; cells starting with = + - @ prefixed with ' against spreadsheet formulas), type required (${EXPORT_TYPE_NAMES.join(', ')}). format=ndjson: application/x-ndjson, one {"type","record"} a line, all types unless type is given. format=ftm: application/x-ndjson, one FollowTheMoney entity {"id","schema","properties","datasets"} a line (organizations, people, designations, relationships, contracts, incidents).`,
          contentType: 'application/x-ndjson',
          schema: { type: 'string' },
        },
      },
    },
    async (c, { query }) => {
      const plan = exportPlan(query);
      const body = streamOf(exportLines(plan, readExportBatches(store.db, plan.recordTypes)));
      return c.body(body, 200, { 'content-type': plan.contentType, 'content-disposition': `attachment; filename="${plan.fileName}"` });
    },
  );
}
