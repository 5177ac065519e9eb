import { closeSync, existsSync, openSync } from 'node:fs';

/**
 * Creates an empty file readable and writable by its owner only (0600) unless it exists. The
 * SQLite database holds password hashes, session hashes and sealed openings: other users of the
 * machine must not read it. SQLite gives the `-wal` and `-shm` files it creates beside a database
 * the database file's own permissions, so they are private too.
 *
 * @example
 * createPrivateFile('/srv/countersign/data/countersign.db');
 */
export function createPrivateFile(path: string): void {
  if (existsSync(path)) return;
  // 'wx': fail rather than truncate if another process created it between the check and here.
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
  }
}
