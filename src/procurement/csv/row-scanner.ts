/**
 * The hot loop of CSV screening: a quote-aware byte scanner that finds row boundaries, counts
 * fields and notes where the identifying columns lie, without decoding anything. What to do with
 * a row is the sink's business. File chunks go through WasmRowScanner, which is faster and hands
 * this scanner what needs judgement; zip streams use this one directly.
 *
 * Quoting follows RFC 4180 as USAspending writes it: every `"` toggles the quoted state (a doubled
 * quote toggles twice), and commas and line breaks count only outside quotes.
 *
 * Speed comes from reading eight bytes at a time: a 64 KiB table classifies each pair of bytes
 * (how many commas, whether a quote or line break is among them), so eight ordinary bytes cost
 * two word loads, four table loads and three adds. Only words holding a quote or line break, or the comma that
 * opens or closes the identifying columns, are walked byte by byte.
 */

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** The longest row the scanner waits for; past this an open quote is taken as unterminated. */
export const MAX_ROW_BYTES = 1 << 20;

// Pair table: the number of commas in the two bytes, plus SPECIAL when either is a quote or a line
// break (which the word path cannot handle). Four pairs add up to at most 8 commas, so a sum of
// SPECIAL or more always means a special byte.
const SPECIAL = 16;
const PAIR_CLASS = new Uint8Array(65536);
for (let pair = 0; pair < 65536; pair++) {
  const low = pair & 0xff;
  const high = pair >> 8;
  let value = (low === COMMA ? 1 : 0) + (high === COMMA ? 1 : 0);
  if (low === QUOTE || high === QUOTE || low === LF || high === LF) value += SPECIAL;
  PAIR_CLASS[pair] = value;
}
const NO_MARK = 0x7fffffff;

export type MalformedReason = 'ragged' | 'unterminated-quote' | 'row-too-long' | 'bad-utf8';

/** Receives each row the scanner delimits. Positions index the buffer passed to `scanRows`. */
export interface RowSink {
  /**
   * A row with the header's number of fields. `rowEnd` excludes the line break; the identifying
   * columns lie in [keyStart, keyEnd). `line` counts line breaks before the row in this scan.
   * `view` covers the same memory as `bytes`.
   */
  row(bytes: Uint8Array, view: DataView, rowStart: number, rowEnd: number, keyStart: number, keyEnd: number, line: number): void;
  malformed(reason: MalformedReason, detail: string, rowStart: number, line: number): void;
  /** Rows the SIMD scanner settled itself (their recipient is cached as on no watchlist). */
  skipped?(count: number): void;
}

export interface ScannerShape {
  readonly columnCount: number;
  readonly keyFirst: number;
  readonly keyLast: number;
}

/**
 * Scans whole rows out of a buffer. State between calls: the line count, and whether the last call
 * stopped at an incomplete row (`needMore`), which the caller fixes by calling again with the same
 * row start and more bytes after it.
 *
 * @example
 * const scanner = new RowScanner({ columnCount: 297, keyFirst: 48, keyLast: 57 }, sink);
 * const next = scanner.scanRows(buf, 0, buf.length, buf.length, true);
 */
export class RowScanner {
  /** Line breaks (inside quotes or not) passed since `reset`. */
  lines = 0;
  /** The last call stopped at a row that continues past the data given. */
  needMore = false;
  readonly #shape: ScannerShape;
  readonly #sink: RowSink;
  #viewsOf: Buffer | null = null;
  #bytes: Uint8Array = new Uint8Array(0);
  #words: Uint32Array = new Uint32Array(0);
  #view: DataView = new DataView(new ArrayBuffer(0));

  constructor(shape: ScannerShape, sink: RowSink) {
    this.#shape = shape;
    this.#sink = sink;
  }

  reset(): void {
    this.lines = 0;
    this.needMore = false;
  }

  // Plain typed-array views of the buffer (element access on a plain Uint8Array is faster than on
  // a Buffer), the 32-bit one aligned so that word k covers bytes [4k - shift, 4k - shift + 4).
  #views(buf: Buffer): void {
    if (this.#viewsOf === buf) return;
    const shift = buf.byteOffset & 3;
    this.#bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
    this.#words = new Uint32Array(buf.buffer, buf.byteOffset - shift, (buf.length + shift) >> 2);
    this.#view = new DataView(buf.buffer, buf.byteOffset, buf.length);
    this.#viewsOf = buf;
  }

  /**
   * Scans rows that start before `limit`, reading bytes up to `dataEnd`. Returns where it stopped:
   * the first row start at or after `limit`, or (with `needMore` set) the start of a row that needs
   * bytes past `dataEnd`. With `eof`, `dataEnd` is the end of the input and every row completes.
   */
  scanRows(buf: Buffer, pos: number, limit: number, dataEnd: number, eof: boolean): number {
    const columnCount = this.#shape.columnCount;
    const keyFirst = this.#shape.keyFirst;
    const keyAfter = this.#shape.keyLast + 1;
    const sink = this.#sink;
    this.#views(buf);
    const bytes = this.#bytes;
    const words = this.#words;
    const view = this.#view;
    const shift = buf.byteOffset & 3;
    // Word k (in `words`) covers buffer bytes [4k - shift, 4k - shift + 4).
    const wordEnd = dataEnd - 7;
    const table = PAIR_CLASS;
    let lines = this.lines;
    let i = pos;
    this.needMore = false;
    while (i < limit && i < dataEnd) {
      const rowStart = i;
      const rowLines = lines;
      let col = 0;
      let quoted = 0;
      let keyStart = keyFirst === 0 ? i : -1;
      let keyEnd = -1;
      let mark = keyFirst === 0 ? keyAfter : keyFirst;
      let rowEnd = -1;
      while (i < dataEnd) {
        if (((i + shift) & 3) === 0) {
          // Eight bytes a step while they hold no quote or line break and do not reach the next
          // comma of interest.
          while (i < wordEnd) {
            const k = (i + shift) >> 2;
            const low = words[k]!; // i + 7 < dataEnd <= buf.length
            const high = words[k + 1]!;
            const sum = table[low & 0xffff]! + table[low >>> 16]! + table[high & 0xffff]! + table[high >>> 16]!;
            if (sum >= SPECIAL) break;
            if (quoted === 0) {
              if (col + sum >= mark) break;
              col += sum;
            }
            i += 8;
            // Usually the next eight bytes are as plain: take them without going round the loop.
            if (i >= wordEnd) break;
            const low2 = words[k + 2]!;
            const high2 = words[k + 3]!;
            const sum2 = table[low2 & 0xffff]! + table[low2 >>> 16]! + table[high2 & 0xffff]! + table[high2 >>> 16]!;
            if (sum2 >= SPECIAL) break;
            if (quoted === 0) {
              if (col + sum2 >= mark) break;
              col += sum2;
            }
            i += 8;
          }
          if (i >= dataEnd) break;
        }
        const c = bytes[i]!; // i < dataEnd <= buf.length
        i++;
        if (c === COMMA) {
          if (quoted === 0) {
            col++;
            if (col === mark) {
              if (col === keyFirst) {
                keyStart = i;
                mark = keyAfter;
              } else {
                keyEnd = i - 1;
                mark = NO_MARK;
              }
            }
          }
        } else if (c === QUOTE) {
          quoted ^= 1;
        } else if (c === LF) {
          lines++;
          if (quoted === 0) {
            rowEnd = i - 1 > rowStart && bytes[i - 2] === CR ? i - 2 : i - 1;
            break;
          }
        }
      }
      if (rowEnd < 0) {
        // The row runs past the data: wait for more unless it cannot be a real row.
        if (!eof && dataEnd - rowStart < MAX_ROW_BYTES) {
          this.lines = rowLines;
          this.needMore = true;
          return rowStart;
        }
        if (quoted !== 0 || !eof) {
          sink.malformed(
            quoted !== 0 ? 'unterminated-quote' : 'row-too-long',
            quoted !== 0 ? 'a quoted field is never closed' : `row longer than ${MAX_ROW_BYTES} bytes`,
            rowStart,
            rowLines,
          );
          // Resume on the next physical line, so rows an open quote swallowed are still read.
          const next = buf.indexOf(LF, rowStart);
          if (next < 0 || next >= dataEnd) {
            i = dataEnd;
            lines = rowLines;
          } else {
            i = next + 1;
            lines = rowLines + 1;
          }
          continue;
        }
        // The last row of the input, without a final line break.
        rowEnd = dataEnd > rowStart && buf[dataEnd - 1] === CR ? dataEnd - 1 : dataEnd;
      }
      if (col === 0 && rowEnd === rowStart) continue; // a blank line
      if (col + 1 !== columnCount) {
        sink.malformed('ragged', `${col + 1} fields, the header has ${columnCount}`, rowStart, rowLines);
        continue;
      }
      sink.row(bytes, view, rowStart, rowEnd, keyStart, keyEnd < 0 ? rowEnd : keyEnd, rowLines);
    }
    this.lines = lines;
    return i;
  }
}
