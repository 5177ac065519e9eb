/**
 * The WebAssembly module behind WasmRowScanner, assembled here from its instructions so the
 * project carries no binary: one function that walks 16 bytes at a time with SIMD compares
 * (i8x16.eq, i8x16.bitmask), tracks the quoted state with a prefix XOR of the quote bits, and
 * writes one record per complete row. Only vectors that end a row or reach the comma that opens
 * or closes the identifying columns are walked bit by bit.
 *
 * scan(pos, end, limit, keyFirst, keyAfter, out, maxRecords) -> records
 *   pos       a row start; rows are scanned while 16 bytes remain before `end`
 *   limit     stop at the first row start at or after it
 *   out       out+0: where scanning stopped (a row start), out+4: line breaks before it,
 *             out+8: records of six i32: row start, its line break, key start, key end (-1 when
 *             the row ended first), field count, line breaks before the row
 * Positions are addresses in the imported memory; line breaks inside quotes count as lines.
 */

const I32 = 0x7f;
const V128 = 0x7b;

function leb(value: number): number[] {
  const out: number[] = [];
  let rest = value >>> 0;
  do {
    let byte = rest & 0x7f;
    rest >>>= 7;
    if (rest !== 0) byte |= 0x80;
    out.push(byte);
  } while (rest !== 0);
  return out;
}

function sleb(value: number): number[] {
  const out: number[] = [];
  let rest = value | 0;
  for (;;) {
    const byte = rest & 0x7f;
    rest >>= 7;
    if ((rest === 0 && (byte & 0x40) === 0) || (rest === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const section = (id: number, bytes: number[]): number[] => [id, ...leb(bytes.length), ...bytes];
const vector = (items: number[][]): number[] => [...leb(items.length), ...items.flat()];
const name = (text: string): number[] => [...leb(text.length), ...Buffer.from(text)];

// Instructions.
const get = (local: number): number[] => [0x20, ...leb(local)];
const set = (local: number): number[] => [0x21, ...leb(local)];
const tee = (local: number): number[] => [0x22, ...leb(local)];
const i32 = (value: number): number[] => [0x41, ...sleb(value)];
const block = [0x02, 0x40];
const loop = [0x03, 0x40];
const ifThen = [0x04, 0x40];
const orElse = [0x05];
const end = [0x0b];
const br = (depth: number): number[] => [0x0c, ...leb(depth)];
const brIf = (depth: number): number[] => [0x0d, ...leb(depth)];
const [eqz, eq, ltU, gtU, geU] = [[0x45], [0x46], [0x49], [0x4b], [0x4f]];
const [ctz, popcnt, add, sub, and, or, xor, shl] = [[0x68], [0x69], [0x6a], [0x6b], [0x71], [0x72], [0x73], [0x74]];
const store = (offset: number): number[] => [0x36, 2, ...leb(offset)];
const simd = (op: number, ...immediates: number[]): number[] => [0xfd, ...leb(op), ...immediates];
const v128Load = simd(0x00, 0, 0);
const splat8 = simd(0x0f);
const eq8 = simd(0x23);
const bitmask8 = simd(0x64);

// Parameters and locals.
const [POS, END, LIMIT, KEY_FIRST, KEY_AFTER, OUT, MAX] = [0, 1, 2, 3, 4, 5, 6];
const [P, ROW_START, ROW_LINES, COL, KEY_START, KEY_END, MARK, CARRY, LINES, QM, LM, X, COMMAS, ENDS, EV, B, BIT, RECORDS, REC] = [
  7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
];
const V = 26; // the v128 local

/** bitmask(v == byte) */
const matches = (byte: number): number[] => [...get(V), ...i32(byte), ...splat8, ...eq8, ...bitmask8];
const increment = (local: number, by: number[]): number[] => [...get(local), ...by, ...add, ...set(local)];

const body: number[] = [
  ...get(POS), ...set(P), ...get(POS), ...set(ROW_START), ...get(KEY_FIRST), ...set(MARK),
  ...i32(-1), ...set(KEY_START), ...i32(-1), ...set(KEY_END),
  ...block, // $done
  ...loop, // $vector
  ...get(P), ...i32(16), ...add, ...get(END), ...gtU, ...brIf(1),
  ...get(P), ...v128Load, ...set(V),
  ...matches(0x22), ...set(QM),
  ...matches(0x0a), ...set(LM),
  // Inside-quotes mask: prefix XOR of the quote bits, flipped when the vector starts quoted.
  ...get(QM), ...get(QM), ...i32(1), ...shl, ...xor, ...tee(X),
  ...get(X), ...i32(2), ...shl, ...xor, ...tee(X),
  ...get(X), ...i32(4), ...shl, ...xor, ...tee(X),
  ...get(X), ...i32(8), ...shl, ...xor, ...get(CARRY), ...xor, ...i32(0xffff), ...xor, ...i32(0xffff), ...and, ...set(X), // X = outside mask
  ...get(CARRY), ...i32(0), ...get(QM), ...popcnt, ...i32(1), ...and, ...sub, ...i32(0xffff), ...and, ...xor, ...set(CARRY),
  ...matches(0x2c), ...get(X), ...and, ...set(COMMAS),
  ...get(LM), ...get(X), ...and, ...set(ENDS),
  // Fast path: no row ends here, and the commas do not reach the next comma of interest.
  ...get(ENDS), ...eqz, ...ifThen,
  ...get(COL), ...get(COMMAS), ...popcnt, ...add, ...tee(X), ...get(MARK), ...ltU, ...ifThen,
  ...get(X), ...set(COL),
  ...increment(LINES, [...get(LM), ...popcnt]),
  ...increment(P, i32(16)),
  ...br(2),
  ...end,
  ...end,
  // Slow path: each comma and row end of the vector in order.
  ...get(COMMAS), ...get(ENDS), ...or, ...set(EV),
  ...block, // $events done
  ...loop, // $event
  ...get(EV), ...eqz, ...brIf(1),
  ...get(EV), ...ctz, ...tee(B), ...set(B),
  ...i32(1), ...get(B), ...shl, ...set(BIT),
  ...get(EV), ...get(EV), ...i32(1), ...sub, ...and, ...set(EV),
  ...get(ENDS), ...get(BIT), ...and, ...ifThen,
  // A row ends at P + B: write its record.
  ...get(OUT), ...i32(8), ...add, ...get(RECORDS), ...i32(24), ...[0x6c], ...add, ...set(REC),
  ...get(REC), ...get(ROW_START), ...store(0),
  ...get(REC), ...get(P), ...get(B), ...add, ...store(4),
  ...get(REC), ...get(KEY_START), ...store(8),
  ...get(REC), ...get(KEY_END), ...store(12),
  ...get(REC), ...get(COL), ...i32(1), ...add, ...store(16),
  ...get(REC), ...get(ROW_LINES), ...store(20),
  ...increment(RECORDS, i32(1)),
  ...get(P), ...get(B), ...add, ...i32(1), ...add, ...set(ROW_START),
  ...get(LINES), ...get(LM), ...get(BIT), ...i32(1), ...shl, ...i32(1), ...sub, ...and, ...popcnt, ...add, ...set(ROW_LINES),
  ...i32(0), ...set(COL), ...i32(-1), ...set(KEY_START), ...i32(-1), ...set(KEY_END), ...get(KEY_FIRST), ...set(MARK),
  ...get(ROW_START), ...get(LIMIT), ...geU, ...get(RECORDS), ...get(MAX), ...geU, ...or, ...brIf(4),
  ...orElse,
  ...increment(COL, i32(1)),
  ...get(COL), ...get(MARK), ...eq, ...ifThen,
  ...get(COL), ...get(KEY_FIRST), ...eq, ...ifThen,
  ...get(P), ...get(B), ...add, ...i32(1), ...add, ...set(KEY_START), ...get(KEY_AFTER), ...set(MARK),
  ...orElse,
  ...get(P), ...get(B), ...add, ...set(KEY_END), ...i32(0x7fffffff), ...set(MARK),
  ...end,
  ...end,
  ...end,
  ...br(0),
  ...end, // $event
  ...end, // $events done
  ...increment(LINES, [...get(LM), ...popcnt]),
  ...increment(P, i32(16)),
  ...br(0),
  ...end, // $vector
  ...end, // $done
  ...get(OUT), ...get(ROW_START), ...store(0),
  ...get(OUT), ...get(ROW_LINES), ...store(4),
  ...get(RECORDS),
  ...end,
];

const locals = [2, ...leb(REC - P + 1), I32, 1, V128];
const code = [...locals, ...body];

/** The module's bytes; it imports `env.memory` and exports `scan`. */
export const WASM_SCAN_MODULE: Uint8Array<ArrayBuffer> = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, vector([[0x60, 7, I32, I32, I32, I32, I32, I32, I32, 1, I32]])),
  ...section(2, vector([[...name('env'), ...name('memory'), 0x02, 0x00, 1]])),
  ...section(3, vector([[0]])),
  ...section(7, vector([[...name('scan'), 0x00, 0]])),
  ...section(10, vector([[...leb(code.length), ...code]])),
]);
