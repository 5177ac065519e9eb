import type { Writable } from 'node:stream';
import { screenCsvFiles, type ScreenProgress } from '../csv/screen-csv-files.js';
import type { WatchedTransaction } from '../csv/row-screener.js';
import type { TextHttpClient } from '../fpds/follow-fpds-feed.js';
import type { Watchlist } from '../matching/types.js';
import { formatMatchTable, formatScreenSummary } from './format-screen-output.js';
import { progressLine } from './progress-line.js';
import type { ScreenSummary } from './screen-summary.js';
import type { ScreenedTransaction } from './screen-transaction.js';
import { toScreeningRecord, type ScreeningRecord } from './screening-record.js';

export interface RunScreenOptions {
  readonly files: readonly string[];
  /** May still be loading: scanning threads start meanwhile. */
  readonly watchlist: Watchlist | Promise<Watchlist>;
  /** NDJSON, one line per match, instead of the table. */
  readonly json: boolean;
  /** Print review items too (marked with `"decision":"review"`); they are always counted. */
  readonly includeReview?: boolean;
  readonly stdout: Writable;
  readonly stderr: Writable & { isTTY?: boolean; columns?: number };
  readonly workers?: number;
  readonly chunkBytes?: number;
  readonly matcherModule?: string | URL;
  readonly watched?: readonly WatchedTransaction[];
  /** FPDS feed URLs among `files`: the client that fetches their pages, and how many to read at most. */
  readonly feedClient?: TextHttpClient;
  readonly maxFeedPages?: number;
  /** Called with every match, review items included (`--save` collects them). */
  readonly onScreened?: (screened: ScreenedTransaction) => void;
}

/**
 * Runs `countersign screen`: screens the files, prints matches as a table (after the run) or as
 * NDJSON (as they are found), a progress bar on stderr when it is a terminal, and the summary
 * (after the table on stdout, or on stderr with `json` so stdout stays pure NDJSON).
 *
 * @example
 * await runScreen({ files: ['a.csv'], watchlist, json: true, stdout: process.stdout, stderr: process.stderr });
 */
export async function runScreen(options: RunScreenOptions): Promise<ScreenSummary> {
  const table: ScreeningRecord[] = [];
  const started = performance.now();
  // A reader that stops early (`| head`) closes the pipe: stop printing, finish quietly.
  let stdoutClosed = false;
  let stdoutError: unknown = null;
  const onStdoutError = (error: NodeJS.ErrnoException): void => {
    stdoutClosed = true;
    if (error.code !== 'EPIPE') stdoutError = error;
  };
  options.stdout.on('error', onStdoutError);
  const print = (text: string): void => {
    if (!stdoutClosed) options.stdout.write(text);
  };
  const showProgress = options.stderr.isTTY === true;
  let lastDrawn = 0;
  const onProgress = (progress: ScreenProgress): void => {
    const now = performance.now();
    if (now - lastDrawn < 100 && progress.bytesDone < progress.bytesTotal) return;
    lastDrawn = now;
    const line = progressLine({ ...progress, elapsedSeconds: (now - started) / 1000 });
    options.stderr.write(`\r${line.slice(0, Math.max(20, (options.stderr.columns ?? 120) - 1))}`);
  };
  const summary = await screenCsvFiles({
    files: options.files,
    watchlist: options.watchlist,
    workers: options.workers,
    chunkBytes: options.chunkBytes,
    matcherModule: options.matcherModule,
    watched: options.watched,
    ...(options.feedClient === undefined ? {} : { feedClient: options.feedClient }),
    ...(options.maxFeedPages === undefined ? {} : { maxFeedPages: options.maxFeedPages }),
    ...(showProgress ? { onProgress } : {}),
    onMatch: (screened) => {
      options.onScreened?.(screened);
      if (screened.match.decision === 'review' && options.includeReview !== true) return;
      const record = toScreeningRecord(screened);
      if (options.json) print(JSON.stringify(record) + '\n');
      else table.push(record);
    },
  });
  if (showProgress) options.stderr.write('\r\x1b[2K');
  if (options.json) options.stderr.write(formatScreenSummary(summary));
  else print(formatMatchTable(table) + '\n' + formatScreenSummary(summary));
  // The listener stays: a closed pipe may still report after the last write.
  if (stdoutError !== null) throw stdoutError;
  return summary;
}
