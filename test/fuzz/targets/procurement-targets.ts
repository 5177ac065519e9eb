import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { projectRoot } from '../../../src/core/project-root.js';
import { RowScanner, type RowSink } from '../../../src/procurement/csv/row-scanner.js';
import { WasmRowScanner } from '../../../src/procurement/csv/wasm-row-scanner.js';
import { FpdsAtomStream, type FpdsAtomItem } from '../../../src/procurement/fpds/fpds-atom-stream.js';
import { ProcurementError } from '../../../src/procurement/procurement-error.js';
import { spendingByTransactionSchema } from '../../../src/procurement/usaspending-api/api-responses.js';
import { searchResultToTransaction } from '../../../src/procurement/usaspending-api/search-result-to-transaction.js';
import { fuzzTarget, invariant, refusedWith, type FuzzTarget } from '../fuzz-target.js';

function recorder(): { sink: RowSink; seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    sink: {
      row: (_bytes, _view, rowStart, rowEnd, keyStart, keyEnd, line) => seen.push(`row ${rowStart}-${rowEnd} key ${keyStart}-${keyEnd} line ${line}`),
      malformed: (reason, detail, rowStart, line) => seen.push(`${reason} ${detail} at ${rowStart} line ${line}`),
    },
  };
}

const csvPiece = fc.oneof(
  fc.constantFrom(',', ',', '\n', '\r\n', '\r', '"', '""', '"q,q"', '"x\ny"', 'a', 'bc', 'é', '😀', 'long-plain-value-0123456789'),
  fc.string({ maxLength: 3 }),
);
const csvInput = fc.record({
  columns: fc.integer({ min: 2, max: 12 }),
  key: fc.nat(),
  span: fc.nat(),
  text: fc.array(csvPiece, { maxLength: 300 }).map((p) => p.join('')),
  raw: fc.uint8Array({ maxLength: 8 }),
  limitPercent: fc.integer({ min: 0, max: 100 }),
  eof: fc.boolean(),
});
const wasm = new WasmRowScanner(1 << 16);

const fixture = readFileSync(join(projectRoot(), 'test', 'fixtures', 'fpds', 'paragon-ice-70CTD024P00000012.atom.xml'), 'utf8');
const xmlPieces = ['<', '>', '</', '/>', '<entry>', '</entry>', '<content>', '<ns1:award>', '</ns1:award>', '&amp;', '&bogus;', '<![CDATA[', ']]>', '<!--', '-->', '<!DOCTYPE x [<!ENTITY a "b">]>', '"', "'", '=', 'x', '\u0000', '\ud800'];
/** The real feed with a few random edits: cuts, insertions of XML syntax, repeats. */
const mutatedFeed = fc.array(fc.record({ at: fc.nat(), length: fc.nat({ max: 200 }), insert: fc.oneof(fc.constantFrom(...xmlPieces), fc.string({ maxLength: 6 })) }), { maxLength: 4 }).map((edits) => {
  let xml = fixture;
  for (const { at, length, insert } of edits) {
    const position = at % (xml.length + 1);
    xml = xml.slice(0, position) + insert + xml.slice(position + (length % 3 === 0 ? length : 0));
  }
  return xml;
});

function readFeed(chunks: readonly string[]): FpdsAtomItem[] | undefined {
  const items: FpdsAtomItem[] = [];
  return refusedWith(() => {
    const stream = new FpdsAtomStream('fuzz.xml', (item) => items.push(item));
    for (const chunk of chunks) stream.write(chunk);
    stream.end();
    return items;
  }, ProcurementError);
}

const nullableText = fc.oneof(fc.constant(null), fc.string({ maxLength: 20 }), fc.constant(undefined));
const searchResult = fc.record(
  {
    internal_id: fc.oneof(fc.integer(), fc.string({ maxLength: 8 }), fc.constant(null)),
    generated_internal_id: nullableText,
    'Award ID': nullableText,
    Mod: nullableText,
    'Recipient Name': nullableText,
    'Recipient UEI': nullableText,
    'Action Date': fc.oneof(nullableText, fc.constantFrom('2024-09-27', '2024-13-45', '')),
    'Transaction Amount': fc.oneof(fc.double(), fc.string({ maxLength: 8 }), fc.constant(null)),
    'Action Type': nullableText,
    'Awarding Agency': nullableText,
    awarding_agency_id: fc.oneof(fc.integer(), fc.constant(null)),
  },
  { requiredKeys: [] },
);

export const PROCUREMENT_TARGETS: readonly FuzzTarget[] = [
  fuzzTarget('CSV scanner (JS and WASM agree)', csvInput, ({ columns, key, span, text, raw, limitPercent, eof }) => {
    const bytes = Buffer.concat([Buffer.from(text), Buffer.from(raw)]).subarray(0, wasm.window.length);
    const keyFirst = 1 + (key % (columns - 1));
    const shape = { columnCount: columns, keyFirst, keyLast: keyFirst + (span % (columns - keyFirst)) };
    bytes.copy(wasm.window);
    const limit = Math.floor((bytes.length * limitPercent) / 100);
    const expected = recorder();
    const js = new RowScanner(shape, expected.sink);
    const jsStop = js.scanRows(wasm.window, 0, limit, bytes.length, eof);
    const actual = recorder();
    wasm.attach(shape, actual.sink).reset();
    const wasmStop = wasm.scanRows(wasm.window, 0, limit, bytes.length, eof);
    invariant(JSON.stringify(actual.seen) === JSON.stringify(expected.seen), `the scanners see the same rows: JS ${JSON.stringify(expected.seen.slice(0, 3))} WASM ${JSON.stringify(actual.seen.slice(0, 3))}`);
    invariant(wasmStop === jsStop && wasm.lines === js.lines && wasm.needMore === js.needMore, 'the scanners stop at the same place');
  }),

  fuzzTarget('FPDS ATOM XML (whole and in chunks)', fc.record({ xml: fc.oneof(mutatedFeed, fc.array(fc.constantFrom(...xmlPieces, '<feed>', '</feed>'), { maxLength: 30 }).map((p) => p.join(''))), cut: fc.nat() }), ({ xml, cut }) => {
    const whole = readFeed([xml]);
    const at = cut % (xml.length + 1);
    const chunked = readFeed([xml.slice(0, at), xml.slice(at)]);
    invariant(JSON.stringify(whole) === JSON.stringify(chunked), 'the same feed in two chunks reads the same');
  }),

  fuzzTarget('USAspending API JSON', fc.oneof(fc.jsonValue(), fc.record({ results: fc.array(searchResult, { maxLength: 4 }), page_metadata: fc.record({ page: fc.integer(), hasNext: fc.boolean() }) })), (json) => {
    const parsed = spendingByTransactionSchema.safeParse(json);
    if (parsed.success) for (const [index, result] of parsed.data.results.entries()) searchResultToTransaction(result, `fuzz#${index}`);
  }),
];
