import { readSync } from 'node:fs';
import type { ChunkRequest } from './worker-messages.js';
import type { RowScanner } from './row-scanner.js';
import type { WasmRowScanner } from './wasm-row-scanner.js';
import { countRowFields } from './count-row-fields.js';

const LF = 0x0a;
// How many raw line breaks to try as the chunk's first row start before trusting the next one.
const START_PROBES = 16;

export interface ChunkScan {
  readonly assumedStart: number;
  readonly trueEnd: number;
  readonly lines: number;
  readonly bytes: number;
}

// Bytes read at a time: small enough that they are still in the CPU caches when scanned right
// after the copy from the page cache, instead of being fetched from memory a second time.
const READ_BYTES = 1 << 18;

function readAt(fd: number, window: Buffer, at: number, position: number, fileSize: number): number {
  let total = 0;
  const want = Math.min(window.length - at, fileSize - position, READ_BYTES);
  while (total < want) {
    const read = readSync(fd, window, at + total, want - total, position + total);
    if (read === 0) break;
    total += read;
  }
  return total;
}

/**
 * A guess at the first row start in the window: after a raw line break, preferring one whose row
 * has the header's field count (a break inside a quoted description rarely does). The coordinator
 * checks the guess against the previous chunk's true end, so a wrong guess costs a re-scan, never
 * a wrong answer.
 */
function guessRowStart(window: Buffer, length: number, columnCount: number): number {
  let lineBreak = window.indexOf(LF, 0);
  for (let probe = 0; lineBreak >= 0 && lineBreak < length; probe++) {
    const candidate = lineBreak + 1;
    if (probe >= START_PROBES) return candidate;
    const fields = countRowFields(window, candidate, length);
    if (fields < 0 || fields === columnCount) return candidate;
    lineBreak = window.indexOf(LF, candidate);
  }
  return length;
}

/**
 * Scans the rows that start in one chunk of a file, reading it with `fs.read` into a window that
 * is reused from chunk to chunk, and finishing the row that crosses the chunk's end.
 *
 * @example
 * const scan = scanFileChunk(request, fd, wasm.window, wasm.attach(request.layout, screener));
 */
export function scanFileChunk(request: ChunkRequest, fd: number, window: Buffer, scanner: RowScanner | WasmRowScanner): ChunkScan {
  const first = request.start <= request.dataStart;
  // Reading from one byte early lets a chunk that begins exactly on a row start see the line
  // break before it.
  let base = request.forcedStart >= 0 ? request.forcedStart : first ? request.dataStart : request.start - 1;
  let length = readAt(fd, window, 0, base, request.fileSize);
  let pos = 0;
  if (request.forcedStart < 0 && !first) pos = guessRowStart(window, length, request.layout.columnCount);
  const assumedStart = base + pos;
  scanner.reset();
  for (;;) {
    const eof = base + length >= request.fileSize;
    const limit = request.end - base;
    const stop = scanner.scanRows(window, pos, limit, length, eof);
    if (!scanner.needMore && (stop >= limit || eof)) {
      const trueEnd = base + stop;
      return { assumedStart, trueEnd, lines: scanner.lines, bytes: trueEnd - assumedStart };
    }
    // Keep the unfinished row (if any) at the front of the window and read what follows it.
    window.copy(window, 0, stop, length);
    base += stop;
    length -= stop;
    pos = 0;
    length += readAt(fd, window, length, base + length, request.fileSize);
  }
}
