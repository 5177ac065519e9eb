import type BetterSqlite3 from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { BaseError } from '../../core/base-error.js';
import { createPrivateFile } from '../create-private-file.js';

export class BackupError extends BaseError<'NOT_SQLITE' | 'TARGET_EXISTS' | 'NOT_A_BACKUP' | 'ROLLS_BACK_WITNESSED_LOG' | 'SAME_ORIGIN'> {}

/**
 * Copies a live SQLite database to `file` with `VACUUM INTO` (SQLite ≥ 3.27): the copy is read
 * in one read transaction, so it is one consistent state even while the server writes (WAL lets
 * writers go on meanwhile), it never restarts under load the way the page-by-page backup API
 * does when another connection writes, and it comes out compacted. The file is created 0600
 * first: it holds everything the database holds.
 *
 * @example
 * backupSqlite(store.sqlite, '/var/backups/countersign-2026-12-05.db');
 */
export function backupSqlite(sqlite: BetterSqlite3.Database | undefined, file: string): { bytes: number } {
  if (!sqlite) throw new BackupError({ code: 'NOT_SQLITE', message: 'countersign backup copies a SQLite database; for PostgreSQL use pg_dump (see README, "Backup and restore")' });
  if (existsSync(file) && statSync(file).size > 0) throw new BackupError({ code: 'TARGET_EXISTS', message: `${file} exists: choose a new file name (a backup never overwrites one)` });
  createPrivateFile(file);
  sqlite.prepare('vacuum into ?').run(file);
  return { bytes: statSync(file).size };
}
