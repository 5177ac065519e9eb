/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection"): a cell
 * such as `=HYPERLINK(…)` from a contributed record must stay text when an analyst opens the
 * export in Excel or LibreOffice. Such cells get a leading `'`, which spreadsheets take as "text
 * follows" — the one change the export makes to a value; NDJSON carries values unchanged.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A plain decimal number (as `String(number)` writes it): a spreadsheet reads it as a number, never a formula, so `-250000` stays a number. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?(?:e[+-]\d+)?$/;

/** RFC 4180 §2 rule 6: fields holding a comma, a double quote or a line break are quoted. */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field: neutralised against formula injection, then quoted if RFC 4180 requires it,
 * with inner double quotes doubled (§2 rule 7).
 *
 * @example
 * csvCell('Saito Tech Ltd., "Taveta"');  // '"Saito Tech Ltd., ""Taveta"""'
 * csvCell('=1+1');                        // "'=1+1"
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One CSV record: fields separated by commas and ended by CRLF (RFC 4180 §2 rules 1 and 4).
 *
 * @example
 * csvLine(['id', 'name']);  // 'id,name\r\n'
 */
export function csvLine(values: readonly string[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
