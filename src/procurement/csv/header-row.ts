import { splitRow } from './split-row.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export interface HeaderRow {
  readonly fields: string[];
  /** Byte offset of the first data row. */
  readonly dataStart: number;
  /** Line breaks before `dataStart` (1 for a plain header). */
  readonly lines: number;
}

/**
 * Reads the header row from the first bytes of a CSV file (skipping a UTF-8 byte-order mark).
 * Returns null when the header is not complete within `end` bytes and more may come.
 *
 * @example
 * parseHeaderRow(Buffer.from('a,b\n1,2\n'), 8, true); // { fields: ['a', 'b'], dataStart: 4, lines: 1 }
 */
export function parseHeaderRow(buf: Buffer, end: number, eof: boolean): HeaderRow | null {
  const start = end >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  let quoted = false;
  let lines = 0;
  for (let i = start; i < end; i++) {
    const c = buf[i];
    if (c === QUOTE) quoted = !quoted;
    else if (c === LF) {
      lines++;
      if (!quoted) {
        const rowEnd = i > start && buf[i - 1] === CR ? i - 1 : i;
        return { fields: splitRow(buf, start, rowEnd), dataStart: i + 1, lines };
      }
    }
  }
  if (!eof) return null;
  return { fields: end > start ? splitRow(buf, start, end) : [], dataStart: end, lines };
}
