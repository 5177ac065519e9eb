import type { ColumnLayout } from './column-layout.js';
import type { HeaderRow } from './header-row.js';
import type { ScanWorkerPool } from './scan-worker-pool.js';
import type { ChunkResponse, ScanFindings } from './worker-messages.js';

export interface FileChunksInput {
  readonly file: string;
  readonly size: number;
  readonly header: HeaderRow;
  readonly layout: ColumnLayout;
  readonly chunkBytes: number;
  readonly pool: ScanWorkerPool;
  /** Takes each chunk's findings, in file order, with the line number its row lines count from. */
  readonly absorb: (findings: ScanFindings, file: string, lineBase: number) => void;
}

/**
 * Hands one plain CSV to the workers in chunks and takes their answers back in file order. Each
 * worker guesses where its chunk's first row starts; the guess is checked against where the
 * previous chunk's last row really ended, and a chunk that guessed wrong (a line break inside a
 * quoted field) is scanned again from the proven start, so the result equals a sequential scan
 * whatever the data. Line numbers are the prefix sums of each chunk's line breaks.
 *
 * @example
 * await screenFileChunks({ file, size, header, layout, chunkBytes: 16 << 20, pool, absorb });
 */
export async function screenFileChunks(input: FileChunksInput): Promise<void> {
  const { pool, header } = input;
  const chunks: { start: number; end: number }[] = [];
  for (let start = header.dataStart; start < input.size; start += input.chunkBytes) {
    chunks.push({ start, end: Math.min(start + input.chunkBytes, input.size) });
  }
  const issue = async (index: number, forcedStart: number): Promise<ChunkResponse> => {
    const chunk = chunks[index];
    if (chunk === undefined) throw new Error(`no chunk ${index}`);
    const response = await pool.request(pool.leastLoaded(), {
      type: 'chunk',
      file: input.file,
      fileSize: input.size,
      dataStart: header.dataStart,
      start: chunk.start,
      end: chunk.end,
      forcedStart,
      layout: input.layout,
    });
    if (response.type !== 'chunk') throw new Error(`unexpected ${response.type} answer to a chunk`);
    return response;
  };
  // Two chunks queued per worker, so none waits for the coordinator between chunks.
  const inFlight = new Map<number, Promise<ChunkResponse>>();
  let issued = 0;
  let expectedStart = header.dataStart;
  let line = 1 + header.lines;
  try {
    for (let index = 0; index < chunks.length; index++) {
      while (issued < chunks.length && inFlight.size < 2 * pool.size) {
        inFlight.set(issued, issue(issued, -1));
        issued++;
      }
      const pending = inFlight.get(index);
      inFlight.delete(index);
      if (pending === undefined) throw new Error(`chunk ${index} was never issued`);
      let response = await pending;
      if (response.assumedStart !== expectedStart) response = await issue(index, expectedStart);
      input.absorb(response, input.file, line);
      expectedStart = response.trueEnd;
      line += response.lines;
    }
  } finally {
    // Answers still in flight after a failure must not surface as unhandled rejections.
    for (const pending of inFlight.values()) pending.catch(() => undefined);
  }
}
