import { SaxesParser } from 'saxes';
import { CommandError } from '../../core/command-error.js';
import type { Holding } from '../holding.js';

/** The fields of an `infoTable` the report uses (SEC, Form 13F XML Technical Specification). */
const FIELDS = new Set(['nameOfIssuer', 'titleOfClass', 'cusip', 'figi', 'value', 'sshPrnamt', 'sshPrnamtType', 'putCall']);

function malformed(fileName: string, line: number, message: string): CommandError {
  return new CommandError({ code: 'INVALID_INPUT', message: `${fileName} is not a 13F information table: line ${line}: ${message}`, issues: [{ path: `line ${line}`, message }] });
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/**
 * Reads a Form 13F information table (`<informationTable>` of `<infoTable>` entries, namespace
 * `http://www.sec.gov/edgar/document/thirteenf/informationtable`, often written with a prefix
 * such as `ns1:`) as a stream: chunks go through saxes and each `infoTable` is yielded as soon as
 * it closes, so memory stays one entry whatever the size of the file. Per entry: `nameOfIssuer`,
 * `titleOfClass`, `cusip`, `value` (as filed), `shrsOrPrnAmt` (`sshPrnamt`, `sshPrnamtType`),
 * `putCall`. Malformed XML, an entry without an issuer name, or a file with no `infoTable` at all
 * is refused, naming the line.
 *
 * @example
 * for await (const holding of read13fInformationTable(createReadStream('infotable.xml', 'utf8'), 'infotable.xml')) …
 */
export async function* read13fInformationTable(chunks: AsyncIterable<string | Uint8Array>, fileName: string): AsyncGenerator<Holding> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const ready: Holding[] = [];
  let entry: Record<string, string> | null = null;
  let entryLine = 0;
  let field: string | null = null;
  let failure: CommandError | null = null;
  let seen = 0;
  parser.on('error', (error) => {
    failure ??= malformed(fileName, parser.line, error.message.split('\n')[0] ?? 'malformed XML');
  });
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === 'infoTable') {
      entry = {};
      entryLine = parser.line;
    } else if (entry !== null && FIELDS.has(name)) {
      field = name;
      entry[name] = '';
    }
  });
  parser.on('text', (text) => {
    if (entry !== null && field !== null) entry[field] = `${entry[field] ?? ''}${text}`.slice(0, 1000);
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (name === field) field = null;
    if (name !== 'infoTable' || entry === null) return;
    const e: Record<string, string> = entry;
    entry = null;
    seen += 1;
    const text = (key: string): string | undefined => (e[key]?.trim() ? e[key].trim() : undefined);
    const number = (key: string): number | undefined => {
      const value = text(key);
      if (value === undefined) return undefined;
      const n = Number(value.replace(/,/g, ''));
      if (!Number.isFinite(n)) failure ??= malformed(fileName, entryLine, `${key} "${value}" is not a number`);
      return Number.isFinite(n) ? n : undefined;
    };
    const issuer = text('nameOfIssuer');
    if (issuer === undefined) {
      failure ??= malformed(fileName, entryLine, 'an infoTable without nameOfIssuer');
      return;
    }
    const value = number('value');
    const shares = number('sshPrnamt');
    const optional = { titleOfClass: text('titleOfClass'), cusip: text('cusip')?.toUpperCase(), sharesType: text('sshPrnamtType'), putCall: text('putCall') };
    ready.push({
      line: entryLine, name: issuer,
      ...Object.fromEntries(Object.entries(optional).filter((kv): kv is [string, string] => kv[1] !== undefined)),
      ...(value !== undefined ? { value } : {}), ...(shares !== undefined ? { shares } : {}),
    });
  });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of chunks) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (failure) throw failure;
    yield* ready.splice(0);
  }
  parser.close();
  if (failure) throw failure;
  yield* ready.splice(0);
  if (seen === 0) throw malformed(fileName, parser.line, 'no infoTable entries (is this the information table of a 13F filing?)');
}
