import type { Command } from 'commander';
import { readConfig } from '../../app/config.js';
import { backupSqlite } from '../../store/backup/backup-sqlite.js';
import { restoreSqlite } from '../../store/backup/restore-sqlite.js';
import { parseDatabaseUrl } from '../../store/database-url.js';
import type { Store } from '../../store/store.js';
import { openStore } from '../../app/open-store.js';

/**
 * Adds `countersign backup FILE`: a consistent copy of the SQLite database while the server runs.
 * PostgreSQL: pg_dump, see the README.
 */
export function registerBackupCommand(program: Command): Command {
  return program
    .command('backup')
    .description('copy the SQLite database to FILE, consistently, while the server keeps serving (PostgreSQL: see README)')
    .argument('<file>', 'a new file (created 0600; never overwritten)')
    .action(async (file: string) => {
      const store = await openStore(readConfig(process.env).databaseUrl);
      try {
        const started = performance.now();
        process.stderr.write(`countersign: backing up ${store.description} …\n`);
        const { bytes } = backupSqlite(store.sqlite, file);
        console.log(`backed up ${store.description} to ${file} (${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
      } finally {
        await store.close();
      }
    });
}

/**
 * Adds `countersign restore FILE [--new-origin ORIGIN]`, with the server stopped; it refuses to
 * roll back a witnessed log. PostgreSQL: pg_restore, see the README.
 */
export function registerRestoreCommand(program: Command): Command {
  return program
    .command('restore')
    .description('replace the SQLite database with a backup FILE (stop the server first); refuses to roll back a witnessed log unless --new-origin starts a new one')
    .argument('<file>', 'a file written by countersign backup')
    .option('--new-origin <origin>', 'start a new log origin: serve will then require COUNTERSIGN_LOG_ORIGIN to be this (and should get a new key)')
    .action(async (file: string, options: { newOrigin?: string }) => {
      const location = parseDatabaseUrl(readConfig(process.env).databaseUrl);
      if (location.dialect !== 'sqlite' || location.file === ':memory:') throw new Error('countersign restore replaces a SQLite file; for PostgreSQL use pg_restore (see README, "Backup and restore")');
      const summary = await restoreSqlite({ backupFile: file, databaseFile: location.file, now: new Date(), ...(options.newOrigin ? { newOrigin: options.newOrigin } : {}) });
      console.log(`restored ${file} to ${location.file}: the log holds ${summary.logSize} checkpointed entries${summary.replacedFile ? `; the replaced database is kept as ${summary.replacedFile}` : ''}`);
      if (summary.requiredOrigin) {
        console.log(`the log continues as a new origin: set COUNTERSIGN_LOG_ORIGIN=${summary.requiredOrigin} and a new COUNTERSIGN_LOG_KEY_FILE before serve (it refuses the old origin), and tell your witnesses`);
      }
    });
}
