import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { PreparedEntry } from '../../ledger/append/prepare-log-entry.js';
import type { Integration, StoredEntry } from '../../ledger/sequencer/log-storage.js';
import type { Database } from '../schema.js';
import { SequencerConflict } from '../../ledger/sequencer/sequencer-conflict.js';
import { sealRows } from './insert-log-entries.js';
import { KyselyLogStorage } from './kysely-log-storage.js';

function view(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/**
 * The log's storage on SQLite, with its hot paths — batched appends, the sequencer's integration
 * step, pending entries, tile reads on the proof path — as prepared better-sqlite3 statements run
 * synchronously inside one transaction. They run while holding Kysely's connection, so they never
 * interleave with a command's transaction on the same connection. Everything else is the Kysely
 * version. Same rows, same results: the test suite runs both.
 */
export class SqliteLogStorage extends KyselyLogStorage {
  readonly #kysely: Kysely<Database>;
  readonly #sqlite: BetterSqlite3.Database;
  readonly #tile: BetterSqlite3.Statement<[number, number], { hashes: Buffer }>;
  readonly #withInner: BetterSqlite3.Statement<[number, number], { hashes: Buffer; inner: Buffer | null }>;
  readonly #insertEntry: BetterSqlite3.Statement<[string, string, string]>;
  readonly #insertSubject: BetterSqlite3.Statement<[string, number | bigint]>;
  readonly #insertValue: BetterSqlite3.Statement<[string, string, string, string]>;
  readonly #insertOpening: BetterSqlite3.Statement<[number, string, string, string]>;
  readonly #pending: BetterSqlite3.Statement<[number], { id: number; entry: string }>;
  readonly #assign: BetterSqlite3.Statement<[number, number]>;
  readonly #putTile: BetterSqlite3.Statement<[number, number, number, Buffer, Buffer | null]>;
  readonly #putCheckpoint: BetterSqlite3.Statement<[number, string, string, string]>;

  constructor(db: Kysely<Database>, sqlite: BetterSqlite3.Database) {
    super(db, 'sqlite');
    this.#kysely = db;
    this.#sqlite = sqlite;
    this.#tile = sqlite.prepare('select hashes from log_tiles where level = ? and idx = ?');
    this.#withInner = sqlite.prepare('select hashes, inner from log_tiles where level = ? and idx = ?');
    this.#insertEntry = sqlite.prepare('insert into log_entries (entry, type, created_at) values (?, ?, ?)');
    this.#insertSubject = sqlite.prepare('insert or ignore into log_entry_subjects (subject, log_entry_id) values (?, ?)');
    this.#insertValue = sqlite.prepare('insert into sealed_values (id, group_id, value, created_at) values (?, ?, ?, ?)');
    this.#insertOpening = sqlite.prepare('insert into seal_openings (log_entry_id, field, value_id, opening) values (?, ?, ?, ?)');
    this.#pending = sqlite.prepare('select id, entry from log_entries where leaf_index is null order by id limit ?');
    this.#assign = sqlite.prepare('update log_entries set leaf_index = ? where id = ? and leaf_index is null');
    this.#putTile = sqlite.prepare('insert into log_tiles (level, idx, width, hashes, inner) values (?, ?, ?, ?, ?) on conflict (level, idx) do update set width = excluded.width, hashes = excluded.hashes, inner = excluded.inner');
    this.#putCheckpoint = sqlite.prepare('insert into log_checkpoints (size, root_hash, note, created_at, previous_size) values (?, ?, ?, ?, (select max(size) from log_checkpoints))');
  }

  /**
   * Runs synchronous statements holding the connection Kysely would otherwise use. Their write
   * transactions begin IMMEDIATE, as Kysely's do here (`SqliteWriteDialect`): the write lock first,
   * so another process's commit cannot make them fail with SQLITE_BUSY_SNAPSHOT.
   */
  #exclusive<T>(work: () => T): Promise<T> {
    return this.#kysely.connection().execute(async () => work());
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

  override appendEntries(entries: readonly PreparedEntry[]): Promise<number[]> {
    if (entries.length === 0) return Promise.resolve([]);
    return this.#exclusive(() =>
      this.#sqlite.transaction(() => {
        const ids: number[] = [];
        for (const e of entries) {
          const id = this.#insertEntry.run(e.entry, e.type, e.createdAt).lastInsertRowid;
          ids.push(Number(id));
          for (const subject of e.subjects) this.#insertSubject.run(subject, id);
        }
        const { values, openings } = sealRows(entries, ids);
        for (const v of values) this.#insertValue.run(v.id, v.groupId, v.value, v.createdAt);
        for (const o of openings) this.#insertOpening.run(o.logEntryId, o.field, o.valueId, o.opening);
        return ids;
      }).immediate(),
    );
  }

  override pendingEntries(limit: number): Promise<StoredEntry[]> {
    return this.#exclusive(() => this.#pending.all(limit).map((r) => ({ id: r.id, leafIndex: null, entry: r.entry })));
  }

  override integrate(step: Integration): Promise<void> {
    return this.#exclusive(() =>
      this.#sqlite.transaction(() => {
        for (const a of step.assignments) {
          // Only a still-pending row is assigned: a second sequencer would find it taken.
          if (this.#assign.run(Number(a.leafIndex), a.id).changes !== 1) throw new SequencerConflict(`entry ${a.id} was already sequenced`);
        }
        for (const tile of step.tiles) {
          this.#putTile.run(tile.level, Number(tile.index), tile.hashes.length, Buffer.concat(tile.hashes.map((h) => Buffer.from(h.buffer, h.byteOffset, h.byteLength))), tile.inner ? Buffer.from(tile.inner) : null);
        }
        const cp = step.checkpoint;
        this.#putCheckpoint.run(Number(cp.size), Buffer.from(cp.rootHash).toString('hex'), cp.note, cp.createdAt);
      }).immediate(),
    );
  }
}
