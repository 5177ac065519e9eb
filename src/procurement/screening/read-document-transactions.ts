import { readFile, stat } from 'node:fs/promises';
import type { ContractTransaction } from '../contract-transaction.js';
import { readFpdsAtomFile } from '../fpds/parse-fpds-atom.js';
import { ProcurementError } from '../procurement-error.js';
import { spendingByTransactionSchema } from '../usaspending-api/api-responses.js';
import { searchResultToTransaction } from '../usaspending-api/search-result-to-transaction.js';
import type { ScreenTally } from './screen-summary.js';

/**
 * The transactions of an FPDS ATOM feed (`.xml`, `.atom`), streamed entry by entry so memory does
 * not grow with the file, or of a saved spending_by_transaction answer (`.json`, one API page);
 * entries that are not contract awards are counted as skipped rows.
 *
 * @example
 * for await (const transaction of readDocumentTransactions('feed.atom.xml', tally)) screen(transaction);
 */
export async function* readDocumentTransactions(file: string, tally: ScreenTally): AsyncGenerator<ContractTransaction> {
  if (/\.json$/i.test(file)) {
    const text = await readFile(file, 'utf8');
    tally.bytes += Buffer.byteLength(text);
    const parsed = spendingByTransactionSchema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      throw new ProcurementError({ code: 'UNSUPPORTED_INPUT', message: 'not a saved spending_by_transaction answer of the USAspending API', where: file });
    }
    for (const [index, result] of parsed.data.results.entries()) yield searchResultToTransaction(result, `file://${file}#results/${index}`);
    return;
  }
  tally.bytes += (await stat(file)).size;
  for await (const item of readFpdsAtomFile(file)) {
    if (item.kind === 'transaction') yield item.transaction;
    else tally.addMalformed({ file, line: item.line, reason: 'not-a-contract-award', detail: `an ${item.entryKind} entry` });
  }
}
