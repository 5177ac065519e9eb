import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { KyselyLogStorage } from './kysely-log-storage.js';

/**
 * The log's storage on SQLite, with the reads on the proof path (a tile, its inner levels) as
 * prepared better-sqlite3 statements: a proof at 10M entries usually misses the tile cache once,
 * and the query builder's overhead would then dominate. Everything else is the Kysely version.
 */
export class SqliteLogStorage extends KyselyLogStorage {
  readonly #tile: BetterSqlite3.Statement<[number, number], { hashes: Buffer }>;
  readonly #withInner: BetterSqlite3.Statement<[number, number], { hashes: Buffer; inner: Buffer | null }>;

  constructor(db: Kysely<Database>, sqlite: BetterSqlite3.Database) {
    super(db);
    this.#tile = sqlite.prepare('select hashes from log_tiles where level = ? and idx = ?');
    this.#withInner = sqlite.prepare('select hashes, inner from log_tiles where level = ? and idx = ?');
  }

  override async readTile(level: number, index: bigint): Promise<Uint8Array | undefined> {
    const row = this.#tile.get(level, Number(index));
    return row ? view(row.hashes) : undefined;
  }

  override async readTileWithInner(level: number, index: bigint): Promise<{ hashes: Uint8Array; inner: Uint8Array | undefined } | undefined> {
    const row = this.#withInner.get(level, Number(index));
    if (!row) return undefined;
    return { hashes: view(row.hashes), inner: row.inner ? view(row.inner) : undefined };
  }
}

function view(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
