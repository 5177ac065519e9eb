import { describe, expect, it } from 'vitest';
import { RowScanner, type MalformedReason, type RowSink } from './row-scanner.js';
import { splitRow } from './split-row.js';

function scan(text: string | Buffer, columnCount = 3, keyFirst = 1, keyLast = 1, eof = true) {
  const rows: { line: number; fields: string[]; key: string }[] = [];
  const malformed: { reason: MalformedReason; line: number }[] = [];
  const sink: RowSink = {
    row(bytes, _view, rowStart, rowEnd, keyStart, keyEnd, line) {
      rows.push({ line, fields: splitRow(bytes, rowStart, rowEnd), key: Buffer.from(bytes.subarray(keyStart, keyEnd)).toString() });
    },
    malformed(reason, _detail, _rowStart, line) {
      malformed.push({ reason, line });
    },
  };
  const buf = typeof text === 'string' ? Buffer.from(text) : text;
  const scanner = new RowScanner({ columnCount, keyFirst, keyLast }, sink);
  const stop = scanner.scanRows(buf, 0, buf.length, buf.length, eof);
  return { rows, malformed, stop, needMore: scanner.needMore, lines: scanner.lines };
}

describe('RowScanner', () => {
  it('finds rows, fields and the identifying span, with quoted commas, quotes and line breaks', () => {
    const { rows, malformed } = scan('a,"b, ""c""",d\n1,"two\nlines",3\n');
    expect(malformed).toEqual([]);
    expect(rows).toEqual([
      { line: 0, fields: ['a', 'b, "c"', 'd'], key: '"b, ""c"""' },
      { line: 1, fields: ['1', 'two\nlines', '3'], key: '"two\nlines"' },
    ]);
  });

  it('takes CRLF line ends, skips blank lines and reads a last row without a line break', () => {
    const { rows } = scan('a,b,c\r\n\r\n\nx,y,z');
    expect(rows.map((row) => row.fields)).toEqual([
      ['a', 'b', 'c'],
      ['x', 'y', 'z'],
    ]);
    expect(rows[1]?.line).toBe(3);
  });

  it('reads the eight-byte steps right when long runs of plain bytes surround the marks', () => {
    const long = 'A'.repeat(37);
    const { rows } = scan(`${long},${long}B,${long}\n${long},,C\n`, 3, 1, 1);
    expect(rows.map((row) => row.key)).toEqual([`${long}B`, '']);
  });

  it('reports a ragged row and an unterminated quote at the end, with their lines, and reads on', () => {
    const { rows, malformed } = scan('a,b,c\na,b\nd,e,f\ng,"h,i\nj,k,l\n');
    expect(rows.map((row) => row.fields[0])).toEqual(['a', 'd', 'j']);
    expect(malformed).toEqual([
      { reason: 'ragged', line: 1 },
      { reason: 'unterminated-quote', line: 3 },
    ]);
  });

  it('stops at a row that continues past the data and asks for more', () => {
    const { rows, stop, needMore, lines } = scan('a,b,c\nd,"e\nf', 3, 1, 1, false);
    expect(rows).toHaveLength(1);
    expect([stop, needMore, lines]).toEqual([6, true, 1]);
  });

  it('counts fields after the identifying span for the ragged check, key at the end of the row too', () => {
    const { rows, malformed } = scan('a,b,c\na,b,c,d\n', 3, 1, 2);
    expect(rows.map((row) => row.key)).toEqual(['b,c']);
    expect(malformed.map((row) => row.reason)).toEqual(['ragged']);
  });
});
