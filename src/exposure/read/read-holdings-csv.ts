import { CommandError } from '../../core/command-error.js';
import { readCsv } from '../../imports/text/read-csv.js';
import type { Holding } from '../holding.js';

/** Header names each column may go by (compared case-insensitively, spaces and underscores ignored). */
const COLUMNS = {
  name: ['name', 'issuer', 'nameofissuer', 'company', 'security', 'securityname', 'description'],
  cusip: ['cusip'],
  isin: ['isin'],
  lei: ['lei'],
  ticker: ['ticker', 'symbol', 'tickersymbol'],
  value: ['value', 'marketvalue', 'amount'],
  shares: ['shares', 'quantity', 'sshprnamt'],
} as const;

const FIELD_NAMES: readonly (keyof typeof COLUMNS)[] = ['name', 'cusip', 'isin', 'lei', 'ticker', 'value', 'shares'];

const key = (header: string): string => header.toLowerCase().replace(/[\s_-]+/g, '');

/**
 * Reads a holdings CSV: a header, then one position a row, with any of the columns name (or
 * issuer), CUSIP, ISIN, LEI, ticker (or symbol), value and shares — a custodian's or a fund's
 * export. A file with neither a name column nor an identifier column is refused; a row with
 * neither a name nor an identifier is skipped as blank.
 *
 * @example
 * readHoldingsCsv('name,cusip\nAcme Corp,037833100\n', 'holdings.csv'); // [{ line: 2, name: 'Acme Corp', cusip: '037833100' }]
 */
export function readHoldingsCsv(text: string, fileName: string): Holding[] {
  const table = readCsv(text, fileName);
  const column = (field: keyof typeof COLUMNS): string | undefined => table.header.find((h) => COLUMNS[field].some((name) => name === key(h)));
  const columns = Object.fromEntries(FIELD_NAMES.map((field) => [field, column(field)]));
  if (!columns['name'] && !columns['cusip'] && !columns['isin'] && !columns['lei'] && !columns['ticker']) {
    throw new CommandError({ code: 'INVALID_INPUT', message: `${fileName} is not a holdings file: line 1: the header names no issuer column (name) and no identifier (cusip, isin, lei, ticker)`, issues: [{ path: 'line 1', message: 'no name or identifier column' }] });
  }
  const holdings: Holding[] = [];
  for (const row of table.rows) {
    const cell = (field: keyof typeof COLUMNS): string | undefined => {
      const header = columns[field];
      const value = header === undefined ? undefined : row.fields[header]?.trim();
      return value ? value : undefined;
    };
    const amount = (field: 'value' | 'shares'): number | undefined => {
      const raw = cell(field);
      if (raw === undefined) return undefined;
      const n = Number(raw.replace(/[,$\s]/g, ''));
      if (!Number.isFinite(n)) throw new CommandError({ code: 'INVALID_INPUT', message: `${fileName}: line ${row.line}: ${field} "${raw}" is not a number`, issues: [{ path: `line ${row.line}`, message: `${field} is not a number` }] });
      return n;
    };
    const ids = { cusip: cell('cusip')?.toUpperCase(), isin: cell('isin')?.toUpperCase(), lei: cell('lei')?.toUpperCase(), ticker: cell('ticker')?.toUpperCase() };
    const name = cell('name') ?? ids.ticker ?? ids.isin ?? ids.cusip ?? ids.lei;
    if (name === undefined) continue;
    const value = amount('value');
    const shares = amount('shares');
    holdings.push({
      line: row.line, name,
      ...Object.fromEntries(Object.entries(ids).filter((kv): kv is [string, string] => kv[1] !== undefined)),
      ...(value !== undefined ? { value } : {}), ...(shares !== undefined ? { shares } : {}),
    });
  }
  return holdings;
}
