import { BaseError } from '../core/base-error.js';

/** How long a write waits its turn behind another process's writes before giving up. */
export const LOCK_WAIT_MS = 60_000;

/** A write gave up after waiting `LOCK_WAIT_MS` for another process to release the database. */
export class DatabaseLockedError extends BaseError<'DATABASE_LOCKED'> {}

export interface LockWaitOptions {
  /** Total time to keep trying; default `LOCK_WAIT_MS`. */
  readonly waitMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Whether an error is SQLite's "the database is locked": SQLITE_BUSY and its extended codes
 * (BUSY_SNAPSHOT, BUSY_RECOVERY, BUSY_TIMEOUT) and SQLITE_LOCKED, as better-sqlite3 reports them.
 */
export function isDatabaseLocked(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || error.message === 'database is locked';
}

/**
 * Runs a whole transaction again while SQLite answers "database is locked" — another process
 * (the server, a CLI import) holds the write lock past the busy timeout — with growing pauses, for
 * at most `waitMs` in all; then throws `DatabaseLockedError` saying how long it waited. The
 * transaction rolled back each time, so it re-runs from the start on fresh data: `run` must have
 * no effect outside the database (commands don't). Any other error passes through at once.
 *
 * @example
 * const result = await retryWhileLocked(() => db.transaction().execute(work));
 */
export async function retryWhileLocked<T>(run: () => Promise<T>, options: LockWaitOptions = {}): Promise<T> {
  const waitMs = options.waitMs ?? LOCK_WAIT_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isDatabaseLocked(error)) throw error;
      const waited = Date.now() - started;
      if (waited >= waitMs) {
        throw new DatabaseLockedError({
          code: 'DATABASE_LOCKED',
          message: `the database stayed locked by another process's writes for ${seconds(waited)} (${attempt} attempts; the limit is ${seconds(waitMs)}); nothing was written — try again when it is done`,
          cause: error,
        });
      }
      await sleep(Math.min(25 * 2 ** Math.min(attempt, 6), waitMs - waited));
    }
  }
}

const seconds = (ms: number): string => (ms >= 10_000 ? `${Math.round(ms / 1000)} s` : `${(ms / 1000).toFixed(1)} s`);
