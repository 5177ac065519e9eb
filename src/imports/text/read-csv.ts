import { CommandError } from '../../core/command-error.js';

/** One CSV record: its fields by header name, and the line it starts on (1-based, the header is line 1). */
export interface CsvRow {
  readonly line: number;
  readonly fields: Readonly<Record<string, string>>;
}

/** A CSV file read whole: the header's names and the records. */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

function malformed(fileName: string, line: number, message: string): CommandError {
  return new CommandError({ code: 'INVALID_INPUT', message: `${fileName} rejected, nothing was written: line ${line}: ${message}`, issues: [{ path: `line ${line}`, message }] });
}

/**
 * Reads CSV text (RFC 4180: fields separated by commas, records by CRLF or LF, a field in double
 * quotes may hold commas, line breaks and doubled quotes). A byte-order mark is dropped. The file
 * is malformed — and refused whole, naming the line — when a quoted field never ends, a quote
 * appears inside an unquoted field, a record has another number of fields than the header, or
 * the header names a column twice.
 *
 * @example
 * readCsv('name,city\n"Acme, Inc.",Fresno\n', 'x.csv').rows[0]; // { line: 2, fields: { name: 'Acme, Inc.', city: 'Fresno' } }
 */
export function readCsv(text: string, fileName: string): CsvTable {
  const records: { line: number; fields: string[] }[] = [];
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        i += 1;
        for (;;) {
          const quote = text.indexOf('"', i);
          if (quote < 0) throw malformed(fileName, start, 'a quoted field is never closed');
          const chunk = text.slice(i, quote);
          line += chunk.split('\n').length - 1;
          value += chunk;
          i = quote + 1;
          if (text[i] === '"') {
            value += '"';
            i += 1;
            continue;
          }
          break;
        }
        if (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') throw malformed(fileName, line, 'text after a closing quote');
      } else {
        let end = i;
        while (end < text.length && text[end] !== ',' && text[end] !== '\n' && text[end] !== '\r') end += 1;
        value = text.slice(i, end);
        if (value.includes('"')) throw malformed(fileName, line, 'a double quote inside an unquoted field');
        i = end;
      }
      fields.push(value);
      if (text[i] === ',') {
        i += 1;
        continue;
      }
      if (text[i] === '\r') i += 1;
      if (text[i] === '\n') i += 1;
      line += 1;
      break;
    }
    // A blank line between records holds no record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
  }
  const [head, ...body] = records;
  if (!head) throw malformed(fileName, 1, 'the file is empty: no header');
  const header = head.fields.map((name) => name.trim());
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) throw malformed(fileName, head.line, `the header names the column "${name}" twice`);
    seen.add(name);
  }
  const rows = body.map((record) => {
    if (record.fields.length !== header.length) throw malformed(fileName, record.line, `${record.fields.length} fields where the header has ${header.length}`);
    return { line: record.line, fields: Object.fromEntries(header.map((name, index) => [name, record.fields[index] ?? ''])) };
  });
  return { header, rows };
}

/** Refuses a table without the columns a format needs, naming them. */
export function requireColumns(table: CsvTable, columns: readonly string[], fileName: string, format: string): void {
  const missing = columns.filter((c) => !table.header.includes(c));
  if (missing.length > 0) throw malformed(fileName, 1, `not ${format}: the header lacks ${missing.map((c) => `"${c}"`).join(', ')}`);
}
