import { chmodSync, copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { BackupError } from './backup-sqlite.js';
import { readLogPosition } from './read-log-position.js';
import { openDatabase } from '../open-database.js';
import type { LogRestoreTables } from './log-restore-table.js';

/** What a restore did. */
export interface RestoreSummary {
  /** Where the database that was replaced now lies; null if there was none. */
  readonly replacedFile: string | null;
  readonly logSize: number;
  /** The largest size witnesses had cosigned in the replaced database. */
  readonly witnessedSize: number;
  /** The origin the log must be served under from now on, when the restore started a new one. */
  readonly requiredOrigin: string | null;
}

/** Whether `backup` continues the log that witnesses cosigned at `size` in `current`: same tree at that size. */
function continuesWitnessedLog(backup: ReturnType<typeof readLogPosition>, current: ReturnType<typeof readLogPosition>, size: number): boolean {
  const root = current.rootAt(size);
  return backup.latestSize >= size && root !== null && backup.rootAt(size) === root;
}

/**
 * Replaces the SQLite database `databaseFile` (the server must be stopped) with `backupFile`.
 * A witnessed log must never roll back (C2SP tlog-witness: a witness refuses a checkpoint that is
 * not consistent with one it cosigned, and a second tree under the same origin is a fork anyone
 * can prove): if the database being replaced holds a cosignature at size W and the backup does
 * not hold that same tree at W, the restore is refused — unless the operator starts a new log
 * origin (`newOrigin`), which the restored database then requires of `serve`. The replaced
 * database is kept beside it (`…replaced-<time>`), never deleted.
 *
 * @example
 * restoreSqlite({ backupFile: 'backup.db', databaseFile: 'data/countersign.db', now: new Date() });
 */
export async function restoreSqlite({ backupFile, databaseFile, newOrigin, now }: { backupFile: string; databaseFile: string; newOrigin?: string; now: Date }): Promise<RestoreSummary> {
  const backup = readLogPosition(backupFile);
  const logSize = backup.latestSize;
  let witnessedSize = 0;
  let requiredOrigin: string | null = null;
  try {
    if (existsSync(databaseFile)) {
      const current = readLogPosition(databaseFile);
      try {
        witnessedSize = current.witnessedSize;
        if (witnessedSize > 0 && !continuesWitnessedLog(backup, current, witnessedSize)) {
          if (newOrigin === undefined) {
            throw new BackupError({
              code: 'ROLLS_BACK_WITNESSED_LOG',
              message: `witnesses cosigned the log "${current.origin ?? 'unknown'}" at size ${witnessedSize}, but the backup holds ${backup.rootAt(witnessedSize) === null ? `only ${backup.latestSize} entries` : 'a different tree at that size'}: restoring it would roll back a witnessed log. Restore a newer backup, or start a new log origin with --new-origin ORIGIN`,
            });
          }
          if (newOrigin === current.origin || newOrigin === backup.origin) {
            throw new BackupError({ code: 'SAME_ORIGIN', message: `--new-origin must name a new log, not "${newOrigin}"` });
          }
          requiredOrigin = newOrigin;
        }
      } finally {
        current.close();
      }
    }
  } finally {
    backup.close();
  }

  let replacedFile: string | null = null;
  if (existsSync(databaseFile)) {
    // Fold the WAL into the file so the copy kept aside is whole on its own.
    const current = new BetterSqlite3(databaseFile);
    current.pragma('wal_checkpoint(TRUNCATE)');
    current.close();
    replacedFile = `${databaseFile}.replaced-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(databaseFile, replacedFile);
    for (const suffix of ['-wal', '-shm']) rmSync(databaseFile + suffix, { force: true });
  }
  const incoming = `${databaseFile}.restoring`;
  copyFileSync(backupFile, incoming);
  chmodSync(incoming, 0o600);
  // Opening migrates a backup taken by an older version, then the restore is recorded in it.
  const restored = await openDatabase(`sqlite:${incoming}`);
  try {
    await restored.db.withTables<LogRestoreTables>().insertInto('logRestores').values({ restoredAt: now.toISOString(), fromFile: backupFile, logSize, requiredOrigin }).execute();
  } finally {
    await restored.db.destroy();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(incoming + suffix, { force: true });
  renameSync(incoming, databaseFile);
  return { replacedFile, logSize, witnessedSize, requiredOrigin };
}
