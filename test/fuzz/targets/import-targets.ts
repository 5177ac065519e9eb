import fc from 'fast-check';
import { CommandError } from '../../../src/core/command-error.js';
import { parseAtlas } from '../../../src/imports/formats/atlas/parse-atlas.js';
import { parseFtm } from '../../../src/imports/formats/ftm/parse-ftm.js';
import { parseGranitt } from '../../../src/imports/formats/granitt/parse-granitt.js';
import { parseSii } from '../../../src/imports/formats/sii/parse-sii.js';
import { fileSource } from '../../../src/imports/import-source.js';
import { readCsv } from '../../../src/imports/text/read-csv.js';
import { read13fInformationTable } from '../../../src/exposure/read/read-13f-information-table.js';
import { readHoldingsCsv } from '../../../src/exposure/read/read-holdings-csv.js';
import type { Holding } from '../../../src/exposure/holding.js';
import { fuzzTarget, invariant, refusedWith, type FuzzTarget } from '../fuzz-target.js';

const ATLAS_HEADER = 'AOSNUMBER,NEWAOSNUMBER (ORI9),City,County,State,Agency,Type of LEA,Summary,Type of Juris,Technology,TECH ABV,Vendor,Link 1,Link 1 Source,Link 1 Date';
const GRANITT_HEADER = 'name,code_name,role,affiliation,occurred,disclosed,disclosed_by,forensics_by,pegasus_project,tech_notified,device_type,attack_result,lockdown_bypass,attack_vector,exploit_name,first_activity,last_activity,operator,sources';
const csvPiece = fc.constantFrom(',', '"', '""', '\n', '\r\n', 'a', 'AOS1', 'CA0194200', 'https://example.org/x', '5/4/2021', 'Mexico; UAE', ' ', 'é', '\u0000');
const csvBody = fc.array(csvPiece, { maxLength: 60 }).map((parts) => parts.join(''));
const jsonPiece = fc.constantFrom('[', ']', '{', '}', ',', ':', '"company_name"', '"news_1"', '"technology_sold"', '"x"', '["a"]', '1', 'null', '"\\\\\'a"', '\n');
const source = fileSource('sii', 'fuzz', new Uint8Array(), {});
const spyware = { label: 'X', products: ['x'], vendors: ['y'] };

async function holdings(iterable: AsyncIterable<Holding>): Promise<Holding[]> {
  const out: Holding[] = [];
  for await (const h of iterable) out.push(h);
  return out;
}

/** The importers' and the exposure report's readers: each refuses with a CommandError or reads. */
export const IMPORT_TARGETS: readonly FuzzTarget[] = [
  fuzzTarget('CSV reader (imports, holdings)', csvBody, (text) => {
    const table = refusedWith(() => readCsv(text, 'f.csv'), CommandError);
    if (table) for (const row of table.rows) invariant(Object.keys(row.fields).length === table.header.length, 'every row has the header\'s fields');
    refusedWith(() => readHoldingsCsv(`name,cusip,value\n${text}`, 'h.csv'), CommandError);
  }),
  fuzzTarget('Atlas of Surveillance and GranittHQ CSVs', csvBody, (text) => {
    refusedWith(() => parseAtlas(`${ATLAS_HEADER}\n${text}`, 'a.csv', source), CommandError);
    refusedWith(() => parseGranitt(`${GRANITT_HEADER}\n${text}`, 'g.csv', source, spyware), CommandError);
  }),
  fuzzTarget('SII companies.json and FtM lines', fc.array(jsonPiece, { maxLength: 40 }).map((p) => p.join('')), (text) => {
    refusedWith(() => parseSii(text, 'c.json', source), CommandError);
    refusedWith(() => parseFtm(text, 'e.ftm.json', source), CommandError);
  }),
  fuzzTarget('13F information table (XML, in chunks)', fc.tuple(fc.array(fc.constantFrom('<informationTable>', '<infoTable>', '</infoTable>', '<nameOfIssuer>', '</nameOfIssuer>', '<value>', '</value>', '12', 'x', '&amp;', '<', '>', '\n'), { maxLength: 40 }), fc.integer({ min: 1, max: 16 })), async ([parts, size]) => {
    const bytes = new TextEncoder().encode(parts.join(''));
    const chunks = async function* () {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    };
    try {
      await holdings(read13fInformationTable(chunks(), 'it.xml'));
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
    }
  }),
];
