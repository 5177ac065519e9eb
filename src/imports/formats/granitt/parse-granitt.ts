import type { Source } from '../../../registry/schemas/source.js';
import type { ImportBatch, IncomingFact, RefusedItem } from '../../import-batch.js';
import { isWebAddress, webSource } from '../../import-source.js';
import { countryCode } from '../../text/country-code.js';
import { parseLooseDate } from '../../text/parse-loose-date.js';
import { readCsv, requireColumns } from '../../text/read-csv.js';
import { slugOf } from '../../text/slug.js';

/** GranittHQ's victim CSV columns (data-pegasus-victims, data-candiru-victims; the same schema). */
const COLUMNS = [
  'name', 'code_name', 'role', 'affiliation', 'occurred', 'disclosed', 'disclosed_by', 'forensics_by', 'pegasus_project', 'tech_notified',
  'device_type', 'attack_result', 'lockdown_bypass', 'attack_vector', 'exploit_name', 'first_activity', 'last_activity', 'operator', 'sources',
] as const;

/** The spyware a file is about (its rows do not say: the file is per product), as registry records. */
export interface Spyware {
  readonly label: string;
  readonly products: readonly string[];
  readonly vendors: readonly string[];
}

const split = (cell: string): string[] => cell.split(';').map((v) => v.trim()).filter((v) => v !== '');

/**
 * Reads a GranittHQ victims CSV into incidents, one per row (a person or small group targeted):
 * the title names whom and their role, the summary the attack as the row records it, the date when
 * it occurred, the operating countries (`operator`), the role as the target category, who did the
 * forensics, the spyware's product and vendor, and the row's sources (`; `-separated addresses).
 * The data is CC BY-NC-SA 4.0: it is imported into a user's own instance only, never bundled.
 *
 * @example
 * const batch = parseGranitt(text, 'granitt-pegasus-victims.csv', source, { label: 'Pegasus', products: ['pegasus'], vendors: ['nso-group'] });
 */
export function parseGranitt(text: string, fileName: string, source: Source, spyware: Spyware): ImportBatch {
  const table = readCsv(text, fileName);
  requireColumns(table, COLUMNS, fileName, 'a GranittHQ victims CSV');
  const sources = new Map<string, Source>();
  const facts: IncomingFact[] = [];
  const refused: RefusedItem[] = [];
  const ids = new Map<string, number>();
  for (const row of table.rows) {
    const f = (name: (typeof COLUMNS)[number]): string => (row.fields[name] ?? '').trim();
    const who = f('name') || f('code_name');
    if (who === '') {
      refused.push({ line: row.line, label: `row at line ${row.line}`, reason: 'names no one (no name or code name)' });
      continue;
    }
    const date = parseLooseDate(f('occurred')) ?? parseLooseDate(f('first_activity'));
    const id = `granitt-${slugOf(spyware.label)}-${slugOf(who)}-${date ?? 'undated'}`.slice(0, 100).replace(/-+$/, '');
    const earlier = ids.get(id);
    if (earlier !== undefined) {
      refused.push({ line: row.line, label: who, reason: `the same person and date as line ${earlier}` });
      continue;
    }
    ids.set(id, row.line);
    const pages = split(f('sources')).filter(isWebAddress).map((url) => webSource(url, {}));
    for (const page of pages) sources.set(page.id, page);
    const role = f('role');
    const affiliation = f('affiliation');
    const countries = split(f('operator')).map(countryCode).filter((c): c is string => c !== null);
    const category = role.toLowerCase().replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');
    const disclosed = parseLooseDate(f('disclosed'));
    const summary = [
      f('attack_result') ? `Attack result: ${f('attack_result')}.` : '',
      f('attack_vector') ? `Vector: ${f('attack_vector')}.` : '',
      f('exploit_name') ? `Exploit: ${f('exploit_name')}.` : '',
      f('device_type') ? `Device: ${f('device_type')}.` : '',
      f('first_activity') || f('last_activity') ? `Activity from ${f('first_activity') || 'an unknown date'} to ${f('last_activity') || 'an unknown date'}.` : '',
      f('disclosed_by') ? `Disclosed by ${f('disclosed_by')}${disclosed ? ` on ${disclosed}` : ''}.` : '',
      f('operator') ? `Operator (per GranittHQ): ${f('operator')}.` : '',
    ].filter((s) => s !== '').join(' ');
    const notes = [f('pegasus_project') === 'TRUE' ? 'On the Pegasus Project list.' : '', f('tech_notified') ? `Notified by: ${f('tech_notified')}.` : '', f('lockdown_bypass') ? `Lockdown Mode bypass: ${f('lockdown_bypass')}.` : '']
      .filter((s) => s !== '').join(' ');
    facts.push({
      type: 'incident', line: row.line, label: who,
      record: {
        id,
        title: `${who}${role || affiliation ? ` (${[role, affiliation].filter((p) => p !== '').join(', ')})` : ''} targeted with ${spyware.label}`.slice(0, 1000),
        ...(summary ? { summary: summary.slice(0, 10_000) } : {}),
        ...(date ? { date } : {}),
        countries,
        targetCategories: /^[a-z][a-z-]{1,60}$/.test(category) ? [category] : [],
        ...(f('forensics_by') ? { forensicConfirmation: `Forensic analysis by ${split(f('forensics_by')).join(', ')}` } : {}),
        products: [...spyware.products],
        vendors: [...spyware.vendors],
        ...(notes ? { notes } : {}),
        sources: [source.id, ...pages.map((p) => p.id)],
        status: 'reported',
      },
    });
  }
  return { format: 'granitt', fileName, source, sources: [...sources.values()], parties: [], facts, refused };
}
