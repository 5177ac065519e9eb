import type { Watchlist } from '../matching/types.js';
import type { ScreenedTransaction } from '../screening/screen-transaction.js';
import type { ColumnLayout } from './column-layout.js';
import type { MalformedRow, WatchedTransaction } from './row-screener.js';
import type { SharedNoMatchMemory } from './shared-no-match-table.js';

/** The scan worker's `workerData`: enough to start loading before the watchlist is known. */
export interface ScanWorkerStart {
  /** URL of a module exporting `createRecipientMatcher(watchlist)`. */
  readonly matcherModule: string;
}

/** What the coordinator posts to each scan worker once, when it has the watchlist. */
export interface ScanWorkerInit {
  readonly type: 'init';
  readonly watchlist: Watchlist;
  /** Slots of each worker's verdict cache (a power of two; half can be filled). */
  readonly cacheSlots: number;
  /** Bytes of recipient keys each worker's cache holds. */
  readonly cacheArenaBytes: number;
  readonly watched: readonly WatchedTransaction[];
  /** Recipients any worker found on no watchlist. */
  readonly noMatch: SharedNoMatchMemory;
}

/** Scan the rows of a file that start in [start, end). */
export interface ChunkRequest {
  readonly type: 'chunk';
  readonly id: number;
  readonly file: string;
  readonly fileSize: number;
  readonly dataStart: number;
  readonly start: number;
  readonly end: number;
  /** A verified row start to scan from instead of guessing one (a re-scan); -1 to guess. */
  readonly forcedStart: number;
  readonly layout: ColumnLayout;
}

/** Streamed input (a zip entry): the bytes arrive in order on one worker. */
export type StreamRequest =
  | { readonly type: 'stream-data'; readonly id: number; readonly stream: number; readonly label: string; readonly data: Uint8Array }
  | { readonly type: 'stream-end'; readonly id: number; readonly stream: number; readonly label: string };

export type WorkerRequest = ChunkRequest | StreamRequest;

export interface ScanFindings {
  readonly matches: ScreenedTransaction[];
  readonly malformed: MalformedRow[];
  readonly rows: number;
  readonly deletions: number;
  /** Bytes consumed (for progress). */
  readonly bytes: number;
}

export interface ChunkResponse extends ScanFindings {
  readonly type: 'chunk';
  readonly id: number;
  /** Where the worker began (its guess, or the forced start). */
  readonly assumedStart: number;
  /** The first row start at or after the chunk's end: the next chunk's true start. */
  readonly trueEnd: number;
  /** Line breaks in [assumedStart, trueEnd); row lines in the findings count from assumedStart. */
  readonly lines: number;
}

export interface StreamResponse extends ScanFindings {
  readonly type: 'stream';
  readonly id: number;
}

export type WorkerResponse =
  | ChunkResponse
  | StreamResponse
  | { readonly type: 'failed'; readonly id: number; readonly message: string; readonly code?: string; readonly where?: string };
