/**
 * The hot loop of CSV screening: a quote-aware byte scanner (RFC 4180, as USAspending writes it)
 * that finds row boundaries, counts fields and notes where the identifying columns lie, without
 * decoding anything. What to do with a row is the sink's business.
 */

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** The longest row the scanner waits for; past this an open quote is taken as unterminated. */
export const MAX_ROW_BYTES = 1 << 20;

export type MalformedReason = 'ragged' | 'unterminated-quote' | 'row-too-long' | 'bad-utf8';

/** Receives each row the scanner delimits. Positions index the buffer passed to `scanRows`. */
export interface RowSink {
  /**
   * A row with the header's number of fields. `rowEnd` excludes the line break; the identifying
   * columns lie in [keyStart, keyEnd). `line` counts line breaks before the row in this scan.
   */
  row(buf: Buffer, rowStart: number, rowEnd: number, keyStart: number, keyEnd: number, line: number): void;
  malformed(reason: MalformedReason, detail: string, rowStart: number, line: number): void;
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

  constructor(shape: ScannerShape, sink: RowSink) {
    this.#shape = shape;
    this.#sink = sink;
  }

  reset(): void {
    this.lines = 0;
    this.needMore = false;
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
    let lines = this.lines;
    let i = pos;
    this.needMore = false;
    while (i < limit) {
      if (i >= dataEnd) break;
      const rowStart = i;
      const rowLines = lines;
      let col = 0;
      let keyStart = keyFirst === 0 ? i : -1;
      let keyEnd = -1;
      let rowEnd = -1;
      let openQuote = false;
      fields: for (;;) {
        if (i < dataEnd && buf[i] === QUOTE) {
          // A quoted field: doubled quotes are literal, line breaks are data.
          i++;
          for (;;) {
            if (i >= dataEnd) {
              openQuote = true;
              break fields;
            }
            const c = buf[i];
            if (c === QUOTE) {
              if (i + 1 >= dataEnd && !eof) {
                openQuote = true;
                break fields;
              }
              if (buf[i + 1] === QUOTE) {
                i += 2;
                continue;
              }
              i++;
              break;
            }
            if (c === LF) lines++;
            i++;
          }
        }
        // The unquoted part of a field, or what follows a closing quote (normally nothing).
        for (;;) {
          if (i >= dataEnd) break fields;
          const c = buf[i]!; // i < dataEnd <= buf.length, checked on the line above
          // Letters and digits all sort above the comma: one comparison skips most bytes.
          if (c > COMMA) {
            i++;
            continue;
          }
          if (c === COMMA) {
            col++;
            i++;
            if (col === keyFirst) keyStart = i;
            else if (col === keyAfter) keyEnd = i - 1;
            continue fields;
          }
          if (c === LF) {
            rowEnd = i > rowStart && buf[i - 1] === CR ? i - 1 : i;
            lines++;
            i++;
            break fields;
          }
          i++;
        }
      }
      if (rowEnd < 0) {
        // The row runs past the data: wait for more unless it cannot be a real row.
        if (!eof && dataEnd - rowStart < MAX_ROW_BYTES) {
          this.lines = rowLines;
          this.needMore = true;
          return rowStart;
        }
        if (openQuote || !eof) {
          const reason: MalformedReason = openQuote ? 'unterminated-quote' : 'row-too-long';
          sink.malformed(reason, openQuote ? 'a quoted field is never closed' : `row longer than ${MAX_ROW_BYTES} bytes`, rowStart, rowLines);
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
      sink.row(buf, rowStart, rowEnd, keyStart, keyEnd < 0 ? rowEnd : keyEnd, rowLines);
    }
    this.lines = lines;
    return i;
  }
}
