/**
 * A scan worker thread: loads the recipient matcher module as soon as it starts (while the
 * coordinator is still reading the watchlist), builds the matcher from the watchlist it is then
 * sent, and scans file chunks and streamed blocks as the coordinator posts them, one at a time,
 * answering each.
 */
import { closeSync, openSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { BaseError } from '../../core/base-error.js';
import type { RecipientMatcher, Watchlist } from '../matching/types.js';
import { RecipientVerdictCache } from './recipient-verdict-cache.js';
import { MAX_ROW_BYTES } from './row-scanner.js';
import { RowScreener, type WatchedTransaction } from './row-screener.js';
import { scanFileChunk } from './scan-file-chunk.js';
import { SharedNoMatchTable } from './shared-no-match-table.js';
import { StreamScan } from './stream-scan.js';
import { WasmRowScanner } from './wasm-row-scanner.js';
import type { ChunkRequest, ScanWorkerInit, ScanWorkerStart, WorkerRequest, WorkerResponse } from './worker-messages.js';

interface MatcherModule {
  createRecipientMatcher(watchlist: Watchlist): RecipientMatcher;
}

function isMatcherModule(value: unknown): value is MatcherModule {
  return typeof value === 'object' && value !== null && 'createRecipientMatcher' in value && typeof value.createRecipientMatcher === 'function';
}

function isStart(value: unknown): value is ScanWorkerStart {
  return typeof value === 'object' && value !== null && 'matcherModule' in value && typeof value.matcherModule === 'string';
}

function isInit(value: unknown): value is ScanWorkerInit {
  return typeof value === 'object' && value !== null && 'type' in value && value.type === 'init' && 'watchlist' in value;
}

const port = parentPort;
if (port === null || !isStart(workerData)) throw new Error('scan-worker.js runs only as a worker thread started by the screening engine');
const start: ScanWorkerStart = workerData;
const initMessage = new Promise<ScanWorkerInit>((resolve) => {
  const onMessage = (message: unknown): void => {
    if (!isInit(message)) return;
    port.off('message', onMessage);
    resolve(message);
  };
  port.on('message', onMessage);
});

const loaded: unknown = await import(start.matcherModule);
if (!isMatcherModule(loaded)) throw new Error(`${start.matcherModule} does not export createRecipientMatcher`);
const init = await initMessage;
const matcher = loaded.createRecipientMatcher(init.watchlist);
// One window per worker, in the SIMD scanner's memory, reused for every chunk and refilled a
// quarter megabyte at a time: memory stays flat whatever the file or chunk size. Room for the
// longest row twice over. The verdict cache lives in the same memory, so the scanner can settle
// rows of recipients already known to be on no watchlist without calling back into JS.
const scanner = new WasmRowScanner(3 * MAX_ROW_BYTES, RecipientVerdictCache.bytesFor(init.cacheSlots, init.cacheArenaBytes));
const cache = new RecipientVerdictCache({ slots: init.cacheSlots, arenaBytes: init.cacheArenaBytes, memory: scanner.cacheMemory });
const shared = new SharedNoMatchTable(init.noMatch);
const watched: ReadonlyMap<string, WatchedTransaction> = new Map(init.watched.map((entry) => [entry.transactionKey, entry]));
const descriptors = new Map<string, number>();
const streams = new Map<number, StreamScan>();

function descriptor(file: string): number {
  let fd = descriptors.get(file);
  if (fd === undefined) {
    fd = openSync(file, 'r');
    descriptors.set(file, fd);
  }
  return fd;
}

function scanChunk(request: ChunkRequest): WorkerResponse {
  const screener = new RowScreener({ layout: request.layout, matcher, cache, file: request.file, watched, shared });
  // Delta files: every row goes to the screener, which must see each delete row.
  const lookup = request.layout.isDelta ? null : cache;
  const scan = scanFileChunk(request, descriptor(request.file), scanner.window, scanner.attach(request.layout, screener, lookup));
  return { type: 'chunk', id: request.id, ...scan, ...screener.take(), bytes: scan.bytes };
}

function handle(request: WorkerRequest): WorkerResponse {
  if (request.type === 'chunk') return scanChunk(request);
  let stream = streams.get(request.stream);
  if (stream === undefined) {
    stream = new StreamScan(request.label, { matcher, cache, watched, shared });
    streams.set(request.stream, stream);
  }
  if (request.type === 'stream-data') stream.push(request.data);
  else {
    stream.finish();
    streams.delete(request.stream);
  }
  return { type: 'stream', id: request.id, ...stream.take() };
}

port.on('message', (request: WorkerRequest | ScanWorkerInit | { type: 'close' }) => {
  if (request.type === 'init') return;
  if (request.type === 'close') {
    for (const fd of descriptors.values()) closeSync(fd);
    descriptors.clear();
    port.close();
    return;
  }
  try {
    port.postMessage(handle(request));
  } catch (error) {
    const failure: WorkerResponse =
      error instanceof BaseError
        ? { type: 'failed', id: request.id, message: error.message, code: String(error.code), where: error.where ?? '' }
        : { type: 'failed', id: request.id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    port.postMessage(failure);
  }
});
port.postMessage({ type: 'ready' });
