import { join } from 'node:path';
import { projectRoot } from '../../src/core/project-root.js';
import { screenCsvFiles } from '../../src/procurement/csv/screen-csv-files.js';
import type { Watchlist } from '../../src/procurement/matching/types.js';
import type { ScreenedTransaction } from '../../src/procurement/screening/screen-transaction.js';

/** The sample USAspending file (six rows in the real 297-column format). */
export const SAMPLE_TRANSACTIONS = join(projectRoot(), 'test', 'fixtures', 'usaspending', 'sample-contract-transactions.csv');

/** Screens files with the real engine and matcher and returns every match, review items included. */
export async function screenFiles(files: readonly string[], watchlist: Watchlist): Promise<ScreenedTransaction[]> {
  const matches: ScreenedTransaction[] = [];
  await screenCsvFiles({ files, watchlist, onMatch: (m) => matches.push(m), workers: 1 });
  return matches.sort((a, b) => a.transaction.transactionKey.localeCompare(b.transaction.transactionKey));
}
