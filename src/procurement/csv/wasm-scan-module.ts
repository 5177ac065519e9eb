/**
 * The WebAssembly module behind WasmRowScanner, assembled here from its instructions so the
 * project carries no binary: one function that walks 16 bytes at a time with SIMD compares
 * (i8x16.eq, i8x16.bitmask), tracks the quoted state with a prefix XOR of the quote bits, and
 * writes one record per complete row. Only vectors that end a row or reach the comma that opens
 * or closes the identifying columns are walked bit by bit.
 *
 * scan(pos, end, limit, keyFirst, keyAfter, out, maxRecords, columns, slots, mask) -> records
 *   pos       a row start; rows are scanned while 16 bytes remain before `end`
 *   limit     stop at the first row start at or after it
 *   slots     the verdict cache's slot table in this memory; a row with `columns` fields whose
 *             identifying bytes the cache knows as "no match" is only counted (mask -1: never)
 *   out       out+0: where scanning stopped (a row start), out+4: line breaks before it,
 *             out+8: rows only counted, out+16: records of six i32: row start, its line break,
 *             key start, key end (-1 when the row ended first), field count, line breaks before
 *             the row
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
const load = (offset: number): number[] => [0x28, 2, ...leb(offset)];
const load8 = [0x2d, 0, 0];
const call = (index: number): number[] => [0x10, ...leb(index)];
const ret = [0x0f];
const select = [0x1b];
const [geS, ne] = [[0x4e], [0x47]];
const mul = [0x6c];

const simd = (op: number, ...immediates: number[]): number[] => [0xfd, ...leb(op), ...immediates];
const v128Load = simd(0x00, 0, 0);
const splat8 = simd(0x0f);
const eq8 = simd(0x23);
const bitmask8 = simd(0x64);
const allTrue8 = simd(0x63);

// Parameters and locals.
const [POS, END, LIMIT, KEY_FIRST, KEY_AFTER, OUT, MAX, COLUMNS, SLOTS, MASK] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
const [P, ROW_START, ROW_LINES, COL, KEY_START, KEY_END, MARK, CARRY, LINES, QM, LM, X, COMMAS, ENDS, EV, B, BIT, RECORDS, REC, SKIPPED] = [
  10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
];
const V = 30; // the v128 local

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
  // A row ends at P + B. A row whose recipient the cache knows to be on no watchlist needs
  // nothing more; any other gets a record.
  ...get(MASK), ...i32(0), ...geS,
  ...get(COL), ...i32(1), ...add, ...get(COLUMNS), ...eq, ...and,
  ...get(KEY_END), ...i32(0), ...geS, ...and,
  ...ifThen,
  ...get(KEY_START), ...get(KEY_END), ...get(SLOTS), ...get(MASK), ...call(1), ...set(X),
  ...orElse,
  ...i32(0), ...set(X),
  ...end,
  ...get(X), ...ifThen,
  ...increment(SKIPPED, i32(1)),
  ...orElse,
  ...get(OUT), ...i32(16), ...add, ...get(RECORDS), ...i32(24), ...mul, ...add, ...set(REC),
  ...get(REC), ...get(ROW_START), ...store(0),
  ...get(REC), ...get(P), ...get(B), ...add, ...store(4),
  ...get(REC), ...get(KEY_START), ...store(8),
  ...get(REC), ...get(KEY_END), ...store(12),
  ...get(REC), ...get(COL), ...i32(1), ...add, ...store(16),
  ...get(REC), ...get(ROW_LINES), ...store(20),
  ...increment(RECORDS, i32(1)),
  ...end,
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
  ...get(OUT), ...get(SKIPPED), ...store(8),
  ...get(RECORDS),
  ...end,
];

// lookup(keyStart, keyEnd, slots, mask) -> 1 when the verdict cache (RecipientVerdictCache, laid
// out in this memory) holds these key bytes with the verdict "no match". Same hash and probing as
// the cache's own get().
const [KS, KE, TABLE, TMASK, LEN, H, I, STOP, PROBE, ADDR, REF] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const mix = (value: number[]): number[] => [...get(H), ...value, ...xor, ...i32(FNV_PRIME), ...mul, ...set(H)];
const lookupBody: number[] = [
  ...get(KE), ...get(KS), ...sub, ...set(LEN),
  ...i32(FNV_BASIS), ...get(LEN), ...xor, ...i32(FNV_PRIME), ...mul, ...set(H),
  ...get(LEN), ...i32(8), ...ltU, ...ifThen,
  ...get(KS), ...set(I),
  ...block, ...loop,
  ...get(I), ...get(KE), ...geU, ...brIf(1),
  ...mix([...get(I), ...load8]),
  ...increment(I, i32(1)),
  ...br(0),
  ...end, ...end,
  ...orElse,
  ...get(KE), ...i32(4), ...sub, ...get(KS), ...i32(28), ...add,
  ...get(KE), ...i32(4), ...sub, ...get(KS), ...i32(28), ...add, ...ltU, ...select, ...set(STOP),
  ...get(KS), ...set(I),
  ...block, ...loop,
  ...get(I), ...get(STOP), ...gtU, ...brIf(1),
  ...mix([...get(I), ...load(0)]),
  ...increment(I, i32(4)),
  ...br(0),
  ...end, ...end,
  ...mix([...get(KE), ...i32(8), ...sub, ...load(0)]),
  ...mix([...get(KE), ...i32(4), ...sub, ...load(0)]),
  ...end,
  ...block, // $miss
  ...loop, // $probe
  ...get(PROBE), ...i32(16), ...geU, ...brIf(1),
  ...get(TABLE), ...get(H), ...get(PROBE), ...add, ...get(TMASK), ...and, ...i32(4), ...shl, ...add, ...set(ADDR),
  ...get(ADDR), ...load(0), ...tee(REF), ...eqz, ...brIf(1),
  ...get(ADDR), ...load(4), ...get(H), ...eq, ...get(ADDR), ...load(8), ...get(LEN), ...eq, ...and, ...ifThen,
  ...get(REF), ...i32(1), ...sub, ...get(KS), ...get(LEN), ...call(2), ...ifThen,
  ...get(ADDR), ...load(12), ...eqz, ...ret,
  ...end,
  ...end,
  ...increment(PROBE, i32(1)),
  ...br(0),
  ...end, // $probe
  ...end, // $miss
  ...i32(0),
  ...end,
];

// same(a, b, length) -> 1 when the bytes at a and b are equal: 16 at a time, then one by one.
const [A, BB, N, J] = [0, 1, 2, 3];
const sameBody: number[] = [
  ...block, // $fail
  ...loop, // $vectors
  ...block, // $vectors done
  ...get(J), ...i32(16), ...add, ...get(N), ...gtU, ...brIf(0),
  ...get(A), ...get(J), ...add, ...v128Load, ...get(BB), ...get(J), ...add, ...v128Load, ...eq8, ...allTrue8, ...eqz, ...brIf(2),
  ...increment(J, i32(16)),
  ...br(1),
  ...end,
  ...loop, // $tail
  ...block, // $tail done
  ...get(J), ...get(N), ...geU, ...brIf(0),
  ...get(A), ...get(J), ...add, ...load8, ...get(BB), ...get(J), ...add, ...load8, ...ne, ...brIf(3),
  ...increment(J, i32(1)),
  ...br(1),
  ...end,
  ...end,
  ...i32(1), ...ret,
  ...end, // $vectors
  ...end, // $fail
  ...i32(0),
  ...end,
];

const scanCode = [2, ...leb(SKIPPED - P + 1), I32, 1, V128, ...body];
const lookupCode = [1, ...leb(REF - LEN + 1), I32, ...lookupBody];
const sameCode = [1, 1, I32, ...sameBody];
const params = (count: number): number[] => Array.from({ length: count }, () => I32);

/** The module's bytes; it imports `env.memory` and exports `scan` and `lookup`. */
export const WASM_SCAN_MODULE: Uint8Array<ArrayBuffer> = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, vector([[0x60, 10, ...params(10), 1, I32], [0x60, 4, ...params(4), 1, I32], [0x60, 3, ...params(3), 1, I32]])),
  ...section(2, vector([[...name('env'), ...name('memory'), 0x02, 0x00, 1]])),
  ...section(3, vector([[0], [1], [2]])),
  ...section(7, vector([[...name('scan'), 0x00, 0], [...name('lookup'), 0x00, 1]])),
  ...section(10, vector([[...leb(scanCode.length), ...scanCode], [...leb(lookupCode.length), ...lookupCode], [...leb(sameCode.length), ...sameCode]])),
]);
