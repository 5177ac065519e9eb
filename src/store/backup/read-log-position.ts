import BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { BackupError } from './backup-sqlite.js';

/** Where a database's transparency log stands: its checkpoints, and the largest one a witness cosigned. */
export interface LogPosition {
  /** The log's origin (the first line of its latest checkpoint); null if it never signed one. */
  readonly origin: string | null;
  readonly latestSize: number;
  /** The largest tree size any witness cosigned; 0 if none did. */
  readonly witnessedSize: number;
  /** Root hash (hex) of the checkpoint at a given size, if the database has one. */
  rootAt(size: number): string | null;
}

/**
 * Reads a Countersign SQLite file's log position without writing to it (read-only), after
 * checking it is whole (`pragma quick_check`) and is a Countersign database at all.
 *
 * @example
 * const backup = readLogPosition('/var/backups/countersign.db');
 */
export function readLogPosition(file: string): LogPosition & { close(): void } {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError({ code: 'NOT_A_BACKUP', message: `${file} is damaged: ${String(check)}` });
    const migrated = z.object({ n: z.number() }).parse(db.prepare("select count(*) as n from sqlite_master where type = 'table' and name in ('countersign_migrations', 'log_checkpoints', 'log_cosignatures')").get());
    if (migrated.n !== 3) throw new BackupError({ code: 'NOT_A_BACKUP', message: `${file} is not a Countersign database` });
  } catch (error) {
    db.close();
    if (error instanceof BackupError) throw error;
    throw new BackupError({ code: 'NOT_A_BACKUP', message: `${file} is not a readable SQLite database`, cause: error });
  }
  const latest = z.object({ size: z.number(), note: z.string() }).optional().parse(db.prepare('select size, note from log_checkpoints order by size desc limit 1').get());
  const witnessed = z.object({ size: z.number().nullable() }).parse(db.prepare('select max(size) as size from log_cosignatures').get());
  const rootAt = db.prepare('select root_hash as root from log_checkpoints where size = ?');
  return {
    origin: latest ? latest.note.split('\n')[0] ?? null : null,
    // A log that never signed a checkpoint stands at size 0, and one nobody cosigned was witnessed at 0.
    latestSize: latest?.size ?? 0,
    witnessedSize: witnessed.size ?? 0,
    rootAt: (size) => z.object({ root: z.string() }).optional().parse(rootAt.get(size))?.root ?? null,
    close: () => db.close(),
  };
}
