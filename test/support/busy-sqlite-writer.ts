import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';

/**
 * A second SQLite connection, on its own thread, that takes writes the way a running server does:
 * `BEGIN IMMEDIATE`, a row into `log_entries`, `holdMs` with the write lock held, commit — again
 * and again for `forMs`, or once when `forMs` is 0. Posts `{ started }` when it first holds the
 * lock and `{ done, commits }` at the end. Start it with `startBusyWriter` (busy-writer.ts).
 */
interface Job {
  readonly file: string;
  readonly holdMs: number;
  readonly forMs: number;
}

function isJob(value: unknown): value is Job {
  return typeof value === 'object' && value !== null && 'file' in value && typeof value.file === 'string' && 'holdMs' in value && typeof value.holdMs === 'number' && 'forMs' in value && typeof value.forMs === 'number';
}

if (!isJob(workerData)) throw new Error('busy-sqlite-writer: bad workerData');
const job = workerData;
const db = new BetterSqlite3(job.file);
db.pragma('busy_timeout = 5000');
const insert = db.prepare("insert into log_entries (entry, type, created_at) values ('{}', 'test.other-writer', '2026-01-01T00:00:00Z')");
const pause = new Int32Array(new SharedArrayBuffer(4));
const until = Date.now() + job.forMs;
let commits = 0;
do {
  db.exec('begin immediate');
  insert.run();
  if (commits === 0) parentPort?.postMessage({ started: true });
  Atomics.wait(pause, 0, 0, job.holdMs);
  db.exec('commit');
  commits++;
  Atomics.wait(pause, 0, 0, 1);
} while (Date.now() < until);
db.close();
parentPort?.postMessage({ done: true, commits });
