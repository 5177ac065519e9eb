import { RowScanner, type RowSink, type ScannerShape } from './row-scanner.js';
import { WASM_SCAN_MODULE } from './wasm-scan-module.js';

const CR = 0x0d;
const MAX_RECORDS = 4096;
const RECORD_INTS = 6;
const HEADER_INTS = 4;
const OUT_BYTES = HEADER_INTS * 4 + MAX_RECORDS * RECORD_INTS * 4;

type ScanExport = (
  pos: number,
  end: number,
  limit: number,
  keyFirst: number,
  keyAfter: number,
  out: number,
  maxRecords: number,
  columns: number,
  slots: number,
  mask: number,
) => number;

/** Where a verdict cache lies in the scanner's memory (RecipientVerdictCache's slot table). */
export interface CacheLocation {
  readonly slotsAddress: number;
  readonly slotMask: number;
}

const compiled = new WebAssembly.Module(WASM_SCAN_MODULE);

function isScan(value: unknown): value is ScanExport {
  return typeof value === 'function';
}

/**
 * The row scanner on WebAssembly SIMD: same contract and results as RowScanner, for buffers that
 * live in its own memory (`window`). Rows are found 16 bytes at a time; what needs judgement (the
 * last bytes before the end of the data, an unfinished row, an open quote at the end, a row too
 * long) is handed to RowScanner, which then also answers `needMore`.
 *
 * @example
 * const scanner = new WasmRowScanner(3 << 20);
 * scanner.attach(layout, sink);
 * readSync(fd, scanner.window, 0, n, position);
 * scanner.scanRows(scanner.window, 0, limit, n, eof);
 */
export class WasmRowScanner {
  /** The read buffer, in the module's memory: read into it, then scan it. */
  readonly window: Buffer;
  lines = 0;
  needMore = false;
  readonly #scan: ScanExport;
  readonly #records: Int32Array;
  readonly #bytes: Uint8Array;
  readonly #view: DataView;
  #shape: ScannerShape = { columnCount: 0, keyFirst: 1, keyLast: 1 };
  #sink: RowSink | null = null;
  #fallback: RowScanner | null = null;
  #cache: CacheLocation | null = null;
  /** Memory set aside for a verdict cache the scanner consults itself (`cacheBytes` long). */
  readonly cacheMemory: { readonly buffer: ArrayBuffer; readonly offset: number };

  constructor(windowBytes: number, cacheBytes = 0) {
    const cacheOffset = Math.ceil((windowBytes + 16 + OUT_BYTES) / 64) * 64;
    const pages = Math.ceil((cacheOffset + cacheBytes) / 65536);
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    this.cacheMemory = { buffer: memory.buffer, offset: cacheOffset };
    const instance = new WebAssembly.Instance(compiled, { env: { memory } });
    const scan = instance.exports.scan;
    if (!isScan(scan)) throw new Error('the scan module does not export scan');
    this.#scan = scan;
    this.window = Buffer.from(memory.buffer, 0, windowBytes);
    this.#bytes = new Uint8Array(memory.buffer, 0, windowBytes);
    this.#view = new DataView(memory.buffer, 0, windowBytes);
    this.#records = new Int32Array(memory.buffer, windowBytes + 16, OUT_BYTES / 4);
  }

  /**
   * Sets the file's layout and the sink for the next scans, and the verdict cache (in
   * `cacheMemory`) that lets the scanner count a known no-match row without calling the sink.
   * Without a cache every row reaches the sink (delta files: a delete row must).
   */
  attach(shape: ScannerShape, sink: RowSink, cache: CacheLocation | null = null): this {
    this.#shape = shape;
    this.#sink = sink;
    this.#fallback = new RowScanner(shape, sink);
    this.#cache = cache;
    return this;
  }

  reset(): void {
    this.lines = 0;
    this.needMore = false;
  }

  /** As RowScanner.scanRows; `buf` must be `window`. */
  scanRows(buf: Buffer, pos: number, limit: number, dataEnd: number, eof: boolean): number {
    const sink = this.#sink;
    const fallback = this.#fallback;
    if (sink === null || fallback === null) throw new Error('attach a layout and a sink first');
    if (buf !== this.window || this.#shape.keyFirst === 0) {
      fallback.lines = this.lines;
      const stop = fallback.scanRows(buf, pos, limit, dataEnd, eof);
      this.lines = fallback.lines;
      this.needMore = fallback.needMore;
      return stop;
    }
    if (pos >= limit) {
      // No row starts before `limit`: nothing to scan (the WASM loop would take one row first;
      // found by fuzzing against RowScanner, which scans nothing here).
      this.needMore = false;
      return pos;
    }
    const { columnCount, keyFirst, keyLast } = this.#shape;
    const records = this.#records;
    const bytes = this.#bytes;
    const outAddress = this.window.length + 16;
    const slots = this.#cache?.slotsAddress ?? 0;
    const mask = this.#cache?.slotMask ?? -1;
    let i = pos;
    let lines = this.lines;
    for (;;) {
      const count = this.#scan(i, dataEnd, limit, keyFirst, keyLast + 1, outAddress, MAX_RECORDS, columnCount, slots, mask);
      if (records[2]! > 0) sink.skipped?.(records[2]!);
      for (let r = 0; r < count; r++) {
        const at = HEADER_INTS + r * RECORD_INTS;
        const rowStart = records[at]!; // at + 5 < HEADER_INTS + MAX_RECORDS * RECORD_INTS
        const lineBreak = records[at + 1]!;
        const keyStart = records[at + 2]!;
        const keyEnd = records[at + 3]!;
        const fields = records[at + 4]!;
        const line = lines + records[at + 5]!;
        const rowEnd = lineBreak > rowStart && bytes[lineBreak - 1] === CR ? lineBreak - 1 : lineBreak;
        if (fields === 1 && rowEnd === rowStart) continue; // a blank line
        if (fields !== columnCount) sink.malformed('ragged', `${fields} fields, the header has ${columnCount}`, rowStart, line);
        else sink.row(bytes, this.#view, rowStart, rowEnd, keyStart, keyEnd < 0 ? rowEnd : keyEnd, line);
      }
      lines += records[1]!;
      i = records[0]!;
      if (count < MAX_RECORDS || i >= limit) break;
    }
    this.needMore = false;
    if (i >= limit || i >= dataEnd) {
      this.lines = lines;
      return i;
    }
    // The last bytes (fewer than 16 after the last whole row) and whatever needs judgement.
    fallback.lines = lines;
    const stop = fallback.scanRows(buf, i, limit, dataEnd, eof);
    this.lines = fallback.lines;
    this.needMore = fallback.needMore;
    return stop;
  }
}
