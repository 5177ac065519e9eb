import type { Source } from '../../../registry/schemas/source.js';
import type { ImportBatch, IncomingFact, IncomingParty } from '../../import-batch.js';
import { isWebAddress, webSource } from '../../import-source.js';
import { parseLooseDate } from '../../text/parse-loose-date.js';
import { readCsv, requireColumns, type CsvRow } from '../../text/read-csv.js';
import { slugOf } from '../../text/slug.js';

/** The columns every Atlas export has (its header starts with AOSNUMBER); links 2 and 3 are read when present. */
const REQUIRED = ['AOSNUMBER', 'City', 'State', 'Agency', 'Technology', 'Vendor', 'Link 1'] as const;
const LINKS = ['Link 1', 'Link 2', 'Link 3'] as const;
/** Vendor cells that name no vendor. */
const NO_VENDOR = new Set(['', 'unknown', 'n/a', 'na', 'none', 'various', 'multiple']);

/**
 * The FBI ORI in the Atlas's `NEWAOSNUMBER (ORI9)` column: its first nine characters, when they
 * are an ORI. The Atlas mints `XX0000NNN` (and falls back to `AOS…`) for agencies without one;
 * those are its own numbers, not identifiers, and are left out.
 */
function oriOf(row: CsvRow): string | undefined {
  const value = (row.fields['NEWAOSNUMBER (ORI9)'] ?? '').trim().toUpperCase().slice(0, 9);
  return /^[A-Z]{2}[A-Z0-9]{7}$/.test(value) && !value.startsWith('XX') && !value.startsWith('AOS') ? value : undefined;
}

/** The web pages a row cites (Link 1–3), with the publisher and date the Atlas gives for each. */
function linkSources(row: CsvRow): Source[] {
  return LINKS.flatMap((link) => {
    const url = (row.fields[link] ?? '').trim();
    if (!isWebAddress(url)) return [];
    const publisher = (row.fields[`${link} Source`] ?? '').trim();
    const date = parseLooseDate(row.fields[`${link} Date`] ?? '');
    return [webSource(url, { ...(publisher ? { publisher } : {}), ...(date ? { date } : {}) })];
  });
}

interface AgencyDraft {
  party: IncomingParty;
  uses: string[];
}

/**
 * Reads the EFF Atlas of Surveillance CSV (one row per agency × technology: AOSNUMBER, City,
 * County, State, Agency, Type of LEA, Summary, Type of Juris, Technology, Vendor, Link 1–3 with
 * their source and date). Each agency becomes a government agency (keyed by its FBI ORI where the
 * Atlas gives one, else by name and state), each named vendor a vendor, and each row with a vendor
 * a deployment: the relationship "vendor supplier-to agency", its technology and summary in its
 * notes, dated as of the row's first link, citing the file and the row's links. Why relationships
 * and not a record type of their own: a deployment links two parties with dates and sources,
 * which is what a relationship is; as one, it shows on both organisations' pages, in their
 * families' roll-ups, in the graph, in exports (FtM UnknownLink) and in exposure chains at once.
 * The technologies of every row, vendor named or not, are listed in the agency's notes.
 *
 * @example
 * const batch = parseAtlas(text, 'atlas.csv', fileSource('atlas', 'atlas.csv', bytes, {}));
 */
export function parseAtlas(text: string, fileName: string, source: Source): ImportBatch {
  const table = readCsv(text, fileName);
  requireColumns(table, REQUIRED, fileName, 'an Atlas of Surveillance CSV');
  const agencies = new Map<string, AgencyDraft>();
  const vendors = new Map<string, IncomingParty>();
  const sources = new Map<string, Source>();
  const facts: IncomingFact[] = [];
  const refused: ImportBatch['refused'][number][] = [];
  const seenNumbers = new Map<string, number>();

  for (const row of table.rows) {
    const f = (name: string): string => (row.fields[name] ?? '').trim();
    const number = f('AOSNUMBER');
    const agencyName = f('Agency');
    const state = f('State').toUpperCase();
    if (number === '' || agencyName === '') {
      refused.push({ line: row.line, label: agencyName || number || `row at line ${row.line}`, reason: number === '' ? 'no AOSNUMBER' : 'no agency name' });
      continue;
    }
    const earlier = seenNumbers.get(number);
    if (earlier !== undefined) {
      refused.push({ line: row.line, label: `${agencyName} (${number})`, reason: `AOSNUMBER ${number} is already at line ${earlier}` });
      continue;
    }
    seenNumbers.set(number, row.line);
    const links = linkSources(row);
    for (const s of links) sources.set(s.id, s);
    const ori = oriOf(row);
    const agencyRef = `atlas-agency:${ori ?? `${state}|${agencyName.toLowerCase()}`}`;
    const place = f('City') || (f('County') ? `${f('County')} County` : '');
    const locality = [place, state].filter((p) => p !== '').join(', ');
    let agency = agencies.get(agencyRef);
    if (!agency) {
      const kindOf = [f('Type of LEA'), f('Type of Juris')].filter((t) => t !== '').join(', ');
      agency = {
        party: {
          ref: agencyRef, line: row.line, type: 'organization', name: agencyName, aliases: [],
          organization: { kind: 'government-agency', country: 'US', ...(locality ? { locality } : {}), ...(ori ? { identifiers: { ori } } : {}), ...(kindOf ? { notes: kindOf } : {}) },
          sources: [source.id],
        },
        uses: [],
      };
      agencies.set(agencyRef, agency);
    }
    const technology = f('Technology') || 'an unnamed technology';
    const vendorName = f('Vendor');
    const named = !NO_VENDOR.has(vendorName.toLowerCase());
    agency.uses.push(`${technology} (${named ? vendorName : 'vendor not named'}; ${number})`);
    agency.party = { ...agency.party, sources: [...new Set([...agency.party.sources, ...links.map((s) => s.id)])] };
    if (!named) continue;
    const vendorRef = `atlas-vendor:${slugOf(vendorName)}`;
    if (!vendors.has(vendorRef)) vendors.set(vendorRef, { ref: vendorRef, line: row.line, type: 'organization', name: vendorName, aliases: [], organization: { kind: 'vendor' }, sources: [source.id] });
    const asOf = links.find((s) => s.date !== undefined)?.date;
    const summary = f('Summary');
    facts.push({
      type: 'relationship', line: row.line, label: `${vendorName} supplies ${technology} to ${agencyName} (${number})`, id: `aos-${slugOf(number)}`,
      from: { ref: vendorRef }, relation: 'supplier-to', to: { ref: agencyRef },
      fields: { ...(asOf ? { asOf } : {}), notes: `${technology}${summary ? `: ${summary}` : ''} (Atlas of Surveillance ${number})`.slice(0, 10_000) },
      sources: [source.id, ...links.map((s) => s.id)],
    });
  }
  const parties = [...[...agencies.values()].map(({ party, uses }) => ({
    ...party,
    organization: { ...party.organization, notes: `${party.organization?.notes ? `${party.organization.notes}. ` : ''}The Atlas of Surveillance records: ${uses.join('; ')}.`.slice(0, 10_000) },
  })), ...vendors.values()];
  return { format: 'atlas', fileName, source, sources: [...sources.values()], parties, facts, refused };
}
