import type { ExportBatch } from './export-batch.js';
import type { ExportPlan } from './export-request.js';
import { recordToFtm } from './ftm/record-to-ftm.js';
import { csvHeader, recordToCsvLine } from './record-to-csv.js';
import { recordToNdjsonLine } from './record-to-ndjson.js';

/**
 * Turns batches of records into the export's text, one chunk per batch (a CSV header first):
 * pulled one chunk at a time, so an export holds one batch in memory whatever the registry's size.
 * It writes nothing itself; the HTTP route and the CLI decide where the text goes.
 *
 * @example
 * const plan = exportPlan({ format: 'csv', type: 'organizations' });
 * for await (const chunk of exportLines(plan, readExportBatches(db, plan.recordTypes))) out.write(chunk);
 */
export async function* exportLines(plan: ExportPlan, batches: AsyncIterable<ExportBatch>): AsyncGenerator<string> {
  if (plan.format === 'csv') {
    const [type] = plan.recordTypes;
    if (type === undefined || plan.recordTypes.length !== 1) throw new Error('a CSV export is one table: exactly one record type');
    yield csvHeader(type);
  }
  for await (const { records, lookups } of batches) {
    let chunk = '';
    for (const entry of records) {
      switch (plan.format) {
        case 'csv':
          chunk += recordToCsvLine(entry, lookups);
          break;
        case 'ndjson':
          chunk += recordToNdjsonLine(entry);
          break;
        case 'ftm':
          for (const entity of recordToFtm(entry, lookups)) chunk += `${JSON.stringify(entity)}\n`;
          break;
      }
    }
    if (chunk !== '') yield chunk;
  }
}
