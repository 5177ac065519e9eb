import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../bench/screen/seeded-random.js';
import { NO_MATCH, RecipientVerdictCache } from './recipient-verdict-cache.js';
import { RowScanner, type RowSink } from './row-scanner.js';
import { WasmRowScanner } from './wasm-row-scanner.js';

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

/** Short, tricky rows: many per 16 bytes, quotes and line breaks across vector edges, CRLF, blanks. */
function trickyCsv(random: SeededRandom, rows: number, columns: number): string {
  const pieces = ['', 'a', 'bc', '"q,q"', '"x\ny"', '""', '"say ""hi"""', 'long-plain-value-0123456789', 'é', '"\r\n"'];
  const lines: string[] = [];
  for (let row = 0; row < rows; row++) {
    if (random.chance(0.03)) {
      lines.push('');
      continue;
    }
    const count = random.chance(0.05) ? columns + (random.chance(0.5) ? 1 : -1) : columns;
    const fields = Array.from({ length: count }, () => random.pick(pieces));
    lines.push(fields.join(','));
  }
  return lines.map((line) => line + (random.chance(0.2) ? '\r\n' : '\n')).join('');
}

describe('WasmRowScanner', () => {
  it('finds exactly what the JS scanner finds, rows, keys, lines and ragged rows', () => {
    const random = new SeededRandom(11);
    const wasm = new WasmRowScanner(1 << 20);
    for (const [columns, keyFirst, keyLast] of [
      [3, 1, 1],
      [6, 2, 4],
      [12, 5, 11],
      [40, 20, 29],
    ] as const) {
      const text = Buffer.from(trickyCsv(random, 400, columns));
      text.copy(wasm.window);
      for (const limit of [text.length, Math.floor(text.length / 2)]) {
        for (const eof of [true, false]) {
          const expected = recorder();
          const js = new RowScanner({ columnCount: columns, keyFirst, keyLast }, expected.sink);
          const jsStop = js.scanRows(wasm.window, 0, limit, text.length, eof);
          const actual = recorder();
          wasm.attach({ columnCount: columns, keyFirst, keyLast }, actual.sink).reset();
          const wasmStop = wasm.scanRows(wasm.window, 0, limit, text.length, eof);
          expect(actual.seen, `${columns} columns, limit ${limit}, eof ${eof}`).toEqual(expected.seen);
          expect([wasmStop, wasm.lines, wasm.needMore]).toEqual([jsStop, js.lines, js.needMore]);
        }
      }
    }
  });

  it('scans nothing when no row starts before the limit, as the JS scanner (a fuzzing find)', () => {
    const wasm = new WasmRowScanner(1 << 16);
    const text = ',"  "x\ny"  bc\0\0\0';
    Buffer.from(text).copy(wasm.window);
    for (const [pos, limit] of [[0, 0], [5, 3]] as const) {
      const expected = recorder();
      const js = new RowScanner({ columnCount: 2, keyFirst: 1, keyLast: 1 }, expected.sink);
      const jsStop = js.scanRows(wasm.window, pos, limit, text.length, false);
      const actual = recorder();
      wasm.attach({ columnCount: 2, keyFirst: 1, keyLast: 1 }, actual.sink).reset();
      expect(wasm.scanRows(wasm.window, pos, limit, text.length, false)).toBe(jsStop);
      expect(actual.seen).toEqual(expected.seen);
      expect(actual.seen).toEqual([]);
    }
  });

  it('takes over from the middle of a window, as after a chunk start', () => {
    const wasm = new WasmRowScanner(1 << 16);
    const text = 'skip,me,now\n' + 'a,"b\nc",d\n'.repeat(50);
    Buffer.from(text).copy(wasm.window);
    const seen = recorder();
    wasm.attach({ columnCount: 3, keyFirst: 1, keyLast: 1 }, seen.sink).reset();
    const stop = wasm.scanRows(wasm.window, 12, text.length, text.length, true);
    expect(stop).toBe(text.length);
    expect(seen.seen).toHaveLength(50);
    expect(seen.seen[49]).toBe(`row ${text.length - 10}-${text.length - 1} key ${text.length - 8}-${text.length - 3} line 98`);
    expect(wasm.lines).toBe(100);
  });

  it('settles rows whose recipient the cache knows as no match, and hands over every other row', () => {
    const slots = 1 << 6;
    const arenaBytes = 4096;
    const wasm = new WasmRowScanner(1 << 16, RecipientVerdictCache.bytesFor(slots, arenaBytes));
    const cache = new RecipientVerdictCache({ slots, arenaBytes, memory: wasm.cacheMemory });
    const keys = ['NW6QFTZACWM7,PARAGON SOLUTIONS (US) INC.', 'HQ3MK1ZTX2N8,"PARAGON SYSTEMS, INC."', 'AB,C', 'ZB4NC9XW2QT5,"ACME ""BLUE"" ANALYTICS, INC. WITH A NAME LONGER THAN SIXTEEN BYTES"'];
    const text = keys.map((key, index) => `${index},${key},tail\n`).join('').repeat(20);
    Buffer.from(text).copy(wasm.window);
    // Teach the cache through its own JS side: keys 1 to 3 are no match, key 0 is a match.
    const bytes = new Uint8Array(Buffer.from(text));
    const view = new DataView(bytes.buffer);
    let at = 0;
    keys.forEach((key, index) => {
      const start = at + String(index).length + 1;
      const end = start + Buffer.byteLength(key);
      const verdict = index === 0 ? { kind: 'bad-utf8', detail: 'stands for any verdict but no match' } as const : NO_MATCH;
      cache.set(RecipientVerdictCache.hash(view, start, end), bytes, start, end, verdict);
      at = text.indexOf('\n', at) + 1;
    });
    const rows: string[] = [];
    let skipped = 0;
    const sink: RowSink = {
      row: (b, _v, rowStart, rowEnd) => rows.push(Buffer.from(b.subarray(rowStart, rowEnd)).toString()),
      malformed: () => undefined,
      skipped: (count) => (skipped += count),
    };
    const shape = { columnCount: 4, keyFirst: 1, keyLast: 2 };
    wasm.attach(shape, sink, cache).reset();
    wasm.scanRows(wasm.window, 0, text.length, text.length, true);
    // Key 0 (a cached match) reaches the sink; the cached no-match rows are only counted, but for
    // the last row, which ends in the final bytes the JS scanner takes over.
    expect(skipped).toBe(3 * 20 - 1);
    expect(rows.length + skipped).toBe(80);
    expect(rows.filter((row) => row.startsWith('0,'))).toHaveLength(20);
  });
});
