import { readFile } from 'node:fs/promises';
import type { ContractTransaction } from '../contract-transaction.js';
import { parseFpdsAtom } from '../fpds/parse-fpds-atom.js';
import { ProcurementError } from '../procurement-error.js';
import { spendingByTransactionSchema } from '../usaspending-api/api-responses.js';
import { searchResultToTransaction } from '../usaspending-api/search-result-to-transaction.js';
import type { ScreenTally } from './screen-summary.js';

/**
 * The transactions of an FPDS ATOM feed (`.xml`, `.atom`) or of a saved spending_by_transaction
 * answer (`.json`); entries that are not contract awards are counted as skipped rows.
 *
 * @example
 * const transactions = await readDocumentTransactions('feed.atom.xml', tally);
 */
export async function readDocumentTransactions(file: string, tally: ScreenTally): Promise<ContractTransaction[]> {
  const text = await readFile(file, 'utf8');
  tally.bytes += Buffer.byteLength(text);
  if (/\.json$/i.test(file)) {
    const parsed = spendingByTransactionSchema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      throw new ProcurementError({ code: 'UNSUPPORTED_INPUT', message: 'not a saved spending_by_transaction answer of the USAspending API', where: file });
    }
    return parsed.data.results.map((result, index) => searchResultToTransaction(result, `file://${file}#results/${index}`));
  }
  const page = parseFpdsAtom(text, file);
  for (const skipped of page.skipped) tally.addMalformed({ file, line: skipped.line, reason: 'not-a-contract-award', detail: `an ${skipped.kind} entry` });
  return page.transactions;
}

