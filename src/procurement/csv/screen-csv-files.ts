import { openSync, readSync, closeSync, statSync } from 'node:fs';
import type { Watchlist } from '../matching/types.js';
import { ProcurementError } from '../procurement-error.js';
import type { ScreenedTransaction } from '../screening/screen-transaction.js';
import type { TextHttpClient } from '../fpds/follow-fpds-feed.js';
import { isFeedUrl } from '../fpds/is-feed-url.js';
import { isDocumentFile, screenDocumentFiles } from '../screening/screen-document-files.js';
import { ScreenTally, type ScreenSummary } from '../screening/screen-summary.js';
import { resolveColumnLayout } from './column-layout.js';
import { parseHeaderRow } from './header-row.js';
import type { WatchedTransaction } from './row-screener.js';
import { ScanWorkerPool } from './scan-worker-pool.js';
import { SharedNoMatchTable } from './shared-no-match-table.js';
import { screenZipEntries } from './screen-zip-entries.js';
import { screenFileChunks } from './screen-file-chunks.js';
import type { ScanFindings } from './worker-messages.js';

/** Progress of a run, for a progress bar. */
export interface ScreenProgress {
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly rows: number;
}

export interface ScreenCsvOptions {
  /**
   * Plain `.csv` files or `.zip` archives as downloaded; FPDS ATOM feeds (`.xml`, `.atom`) and saved
   * spending_by_transaction answers (`.json`) are screened too, on the coordinating thread.
   */
  readonly files: readonly string[];
  /** May still be loading: the workers start meanwhile. */
  readonly watchlist: Watchlist | Promise<Watchlist>;
  readonly onMatch: (screened: ScreenedTransaction) => void;
  readonly onProgress?: (progress: ScreenProgress) => void;
  /** Scan threads; the coordinating thread does little, so one per core. Default 2. */
  readonly workers?: number;
  /** Bytes per chunk handed to a worker. Default 16 MiB. */
  readonly chunkBytes?: number;
  /** A module exporting `createRecipientMatcher`; default the project's recipient matcher. */
  readonly matcherModule?: string | URL;
  /** Distinct recipients remembered per worker (a power of two). Default 65,536. */
  readonly cacheSlots?: number;
  /** Transactions matched earlier, so their deletion in a delta file is reported. */
  readonly watched?: readonly WatchedTransaction[];
  /** Fetches the pages of FPDS feed URLs among `files`; default global fetch. */
  readonly feedClient?: TextHttpClient;
  /** Pages read from each feed URL at most (its next-page links are followed). Default 100. */
  readonly maxFeedPages?: number;
}

export const DEFAULT_CHUNK_BYTES = 16 << 20;
const HEADER_PROBE_BYTES = 4 << 20;

/** Reads a file's header row with a small read, so a wrong file fails before any worker starts. */
function readHeader(file: string, size: number): ReturnType<typeof parseHeaderRow> {
  const fd = openSync(file, 'r');
  try {
    const probe = Buffer.alloc(Math.min(size, HEADER_PROBE_BYTES));
    const length = readSync(fd, probe, 0, probe.length, 0);
    return parseHeaderRow(probe, length, length === size);
  } finally {
    closeSync(fd);
  }
}

/**
 * Screens USAspending contract transaction CSVs against a watchlist on worker threads: each file
 * is cut into chunks scanned in parallel, each chunk's guessed first row is checked against the
 * previous chunk's true end (and re-scanned from there when wrong), and matches are reported in
 * file order. Malformed rows are counted, not fatal.
 *
 * @example
 * const summary = await screenCsvFiles({ files: ['FY2025_All_Contracts_Full_1.csv'], watchlist, onMatch: (m) => console.log(m) });
 * summary.rows; // 1000000
 */
export async function screenCsvFiles(options: ScreenCsvOptions): Promise<ScreenSummary> {
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const sizes = options.files.map((file) => (isFeedUrl(file) ? 0 : statSync(file).size));
  const bytesTotal = sizes.reduce((sum, size) => sum + size, 0);
  const tally = new ScreenTally();
  const documents = options.files.filter(isDocumentFile);
  const plain = options.files
    .map((file, index) => ({ file, size: sizes[index] ?? 0, zip: /\.zip$/i.test(file) }))
    .filter((input) => !isDocumentFile(input.file));
  // Validate every plain file's header before starting threads.
  const headers = new Map(
    plain
      .filter((input) => !input.zip)
      .map((input) => {
        const header = readHeader(input.file, input.size);
        if (header === null || header.fields.length === 0) {
          throw new ProcurementError({ code: 'EMPTY_FILE', message: 'no header row found', where: input.file });
        }
        return [input.file, { header, layout: resolveColumnLayout(header.fields, `${input.file}:1`) }] as const;
      }),
  );
  const matcherModule = String(options.matcherModule ?? new URL('../matching/recipient-matcher.js', import.meta.url));
  // Workers boot and load the matcher module while the watchlist is still being read.
  const starting =
    plain.length === 0
      ? null
      : ScanWorkerPool.start(
          options.workers ?? 2,
          matcherModule,
          Promise.resolve(options.watchlist).then((watchlist) => ({
            watchlist,
            // 128 Ki slots (64 Ki recipients) and 12 MiB of key bytes per worker: flat memory.
            cacheSlots: options.cacheSlots ?? 1 << 17,
            cacheArenaBytes: 12 << 20,
            watched: options.watched ?? [],
            // 256 Ki slots and 32 MiB of key bytes: room for about 200,000 distinct recipients.
            noMatch: SharedNoMatchTable.allocate(1 << 18, 32 << 20),
          })),
        );
  // Handled below, when awaited; this only keeps an early failure from counting as unhandled.
  starting?.catch(() => undefined);
  try {
    await screenDocumentFiles({
      files: documents,
      watchlist: options.watchlist,
      matcherModule,
      tally,
      onMatch: options.onMatch,
      ...(options.feedClient === undefined ? {} : { feedClient: options.feedClient }),
      ...(options.maxFeedPages === undefined ? {} : { maxFeedPages: options.maxFeedPages }),
    });
  } catch (error) {
    await starting?.then((started) => started.close()).catch(() => undefined);
    throw error;
  }
  if (starting === null) return tally.summary();
  const pool = await starting;
  let bytesDone = 0;
  const absorb = (findings: ScanFindings, file: string, lineBase: number, progressBytes = findings.bytes): void => {
    for (const screened of findings.matches) {
      const origin = screened.transaction.origin;
      const line = origin.kind === 'file' ? origin.line + lineBase : 0;
      const fixed: ScreenedTransaction = { ...screened, transaction: { ...screened.transaction, origin: { kind: 'file', file, line } } };
      tally.addMatch(fixed);
      options.onMatch(fixed);
    }
    for (const row of findings.malformed) tally.addMalformed({ file, line: row.line + lineBase, reason: row.reason, detail: row.detail });
    tally.rows += findings.rows;
    tally.deleteRows += findings.deletions;
    tally.bytes += findings.bytes;
    bytesDone += progressBytes;
    options.onProgress?.({ bytesDone, bytesTotal, rows: tally.rows });
  };
  try {
    for (const input of plain) {
      tally.addInput(input.file);
      if (input.zip) {
        await screenZipEntries(input.file, pool, tally, absorb);
        continue;
      }
      const known = headers.get(input.file);
      if (known === undefined) continue;
      bytesDone += known.header.dataStart;
      tally.bytes += known.header.dataStart;
      await screenFileChunks({ file: input.file, size: input.size, ...known, chunkBytes, pool, absorb });
    }
  } finally {
    await pool.close();
  }
  return tally.summary();
}
