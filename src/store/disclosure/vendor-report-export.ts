import type { Kysely } from 'kysely';
import { vendorReportFtm, vendorReportNdjsonLine } from '../../disclosure/vendor-reports/vendor-report-export.js';
import type { ExportPlan } from '../../registry/export/export-request.js';
import type { Database } from '../schema.js';
import { KyselyVendorReportStore } from './kysely-remedy-stores.js';

const BATCH = 200;

/**
 * The registry export followed by the vendors' transparency reports: in a whole NDJSON or FtM
 * export (no type asked for), after the registry's own lines, a batch at a time.
 *
 * @example
 * const lines = withVendorReports(exportLines(plan, batches), store.db, plan, query.type === undefined);
 */
export async function* withVendorReports(lines: AsyncIterable<string>, db: Kysely<Database>, plan: ExportPlan, wholeExport: boolean): AsyncGenerator<string> {
  yield* lines;
  if (!wholeExport || plan.format === 'csv') return;
  const reports = new KyselyVendorReportStore(db);
  for (let offset = 0; ; offset += BATCH) {
    const { items } = await reports.listReports({ limit: BATCH, offset });
    let chunk = '';
    for (const report of items) chunk += plan.format === 'ftm' ? vendorReportFtm(report).map((e) => `${JSON.stringify(e)}\n`).join('') : vendorReportNdjsonLine(report);
    if (chunk !== '') yield chunk;
    if (items.length < BATCH) return;
  }
}
