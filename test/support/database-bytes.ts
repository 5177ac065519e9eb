import { existsSync, readFileSync } from 'node:fs';

/**
 * Every byte SQLite keeps for a database: the file, its write-ahead log, its shared-memory index —
 * what a test searches to prove an erased value is gone.
 */
export function databaseBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`, `${file}-shm`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
}
