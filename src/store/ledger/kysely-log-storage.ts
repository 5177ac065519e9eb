import { sql, type Kysely } from 'kysely';
import type { Integration, LogStorage, StoredCheckpoint, StoredEntry } from '../../ledger/sequencer/log-storage.js';
import type { DialectName } from '../dialect-name.js';
import type { Database } from '../schema.js';
import { SequencerConflict } from '../../ledger/sequencer/sequencer-conflict.js';
import type { PreparedEntry } from '../../ledger/append/prepare-log-entry.js';
import { insertLogEntries } from './insert-log-entries.js';

const fromHex = (hex: string): Uint8Array => new Uint8Array(Buffer.from(hex, 'hex'));
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

function toCheckpoint(row: { size: number | string; rootHash: string; note: string; createdAt: string; previousSize: number | string | null }): StoredCheckpoint {
  return { size: BigInt(row.size), rootHash: fromHex(row.rootHash), note: row.note, createdAt: row.createdAt, previousSize: row.previousSize === null ? null : BigInt(row.previousSize) };
}

function toEntry(row: { id: number | string; leafIndex: number | string | null; entry: string }): StoredEntry {
  return { id: Number(row.id), leafIndex: row.leafIndex === null ? null : BigInt(row.leafIndex), entry: row.entry };
}

/** Rows per multi-row statement: well under SQLite's 32,766 bound parameters. */
const CHUNK = 2000;

/**
 * The log's storage over Kysely (SQLite and PostgreSQL). Writes that belong together run in one
 * transaction: a batch of appends, or one integration step (leaf indices, tiles, checkpoint).
 */
export class KyselyLogStorage implements LogStorage {
  readonly #db: Kysely<Database>;
  readonly #dialect: DialectName;

  constructor(db: Kysely<Database>, dialect: DialectName) {
    this.#db = db;
    this.#dialect = dialect;
  }

  async latestCheckpoint(): Promise<StoredCheckpoint | undefined> {
    const row = await this.#db.selectFrom('logCheckpoints').selectAll().orderBy('size', 'desc').limit(1).executeTakeFirst();
    return row ? toCheckpoint(row) : undefined;
  }

  async checkpointAt(size: bigint): Promise<StoredCheckpoint | undefined> {
    const row = await this.#db.selectFrom('logCheckpoints').selectAll().where('size', '=', Number(size)).executeTakeFirst();
    return row ? toCheckpoint(row) : undefined;
  }

  async listCheckpoints(limit: number, beforeSize?: bigint): Promise<StoredCheckpoint[]> {
    let query = this.#db.selectFrom('logCheckpoints').selectAll().orderBy('size', 'desc').limit(limit);
    if (beforeSize !== undefined) query = query.where('size', '<', Number(beforeSize));
    return (await query.execute()).map(toCheckpoint);
  }

  async checkpointsAfter(afterSize: bigint, limit: number): Promise<StoredCheckpoint[]> {
    const rows = await this.#db.selectFrom('logCheckpoints').selectAll().where('size', '>', Number(afterSize)).orderBy('size').limit(limit).execute();
    return rows.map(toCheckpoint);
  }

  async listTiles(after: { readonly level: number; readonly index: bigint } | undefined, limit: number): Promise<{ level: number; index: bigint; width: number }[]> {
    let query = this.#db.selectFrom('logTiles').select(['level', 'idx', 'width']).orderBy('level').orderBy('idx').limit(limit);
    if (after !== undefined) {
      const { level, index } = after;
      query = query.where((eb) => eb.or([eb('level', '>', level), eb.and([eb('level', '=', level), eb('idx', '>', Number(index))])]));
    }
    return (await query.execute()).map((row) => ({ level: row.level, index: BigInt(row.idx), width: row.width }));
  }

  async sequencedStats(): Promise<{ count: bigint; maxIndex: bigint | null }> {
    const row = await this.#db
      .selectFrom('logEntries')
      .select((eb) => [eb.fn.count<number>('leafIndex').as('n'), eb.fn.max('leafIndex').as('max')])
      .executeTakeFirst();
    return { count: BigInt(row?.n ?? 0), maxIndex: row?.max === null || row?.max === undefined ? null : BigInt(row.max) };
  }

  async readTile(level: number, index: bigint): Promise<Uint8Array | undefined> {
    const row = await this.#db.selectFrom('logTiles').select('hashes').where('level', '=', level).where('idx', '=', Number(index)).executeTakeFirst();
    return row ? new Uint8Array(row.hashes) : undefined;
  }

  async readTileWithInner(level: number, index: bigint): Promise<{ hashes: Uint8Array; inner: Uint8Array | undefined } | undefined> {
    const row = await this.#db.selectFrom('logTiles').select(['hashes', 'inner']).where('level', '=', level).where('idx', '=', Number(index)).executeTakeFirst();
    return row ? { hashes: new Uint8Array(row.hashes), inner: row.inner ? new Uint8Array(row.inner) : undefined } : undefined;
  }

  async pendingEntries(limit: number): Promise<StoredEntry[]> {
    const rows = await this.#db.selectFrom('logEntries').select(['id', 'leafIndex', 'entry']).where('leafIndex', 'is', null).orderBy('id').limit(limit).execute();
    return rows.map(toEntry);
  }

  async entriesByIndex(from: bigint, count: number): Promise<StoredEntry[]> {
    const rows = await this.#db
      .selectFrom('logEntries')
      .select(['id', 'leafIndex', 'entry'])
      .where('leafIndex', '>=', Number(from))
      .where('leafIndex', '<', Number(from) + count)
      .orderBy('leafIndex')
      .execute();
    return rows.map(toEntry);
  }

  async entryById(id: number): Promise<StoredEntry | undefined> {
    const row = await this.#db.selectFrom('logEntries').select(['id', 'leafIndex', 'entry']).where('id', '=', id).executeTakeFirst();
    return row ? toEntry(row) : undefined;
  }

  async appendEntries(entries: readonly PreparedEntry[]): Promise<number[]> {
    if (entries.length === 0) return [];
    return this.#db.transaction().execute((trx) => insertLogEntries(trx, this.#dialect, entries));
  }

  async integrate(step: Integration): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      for (let i = 0; i < step.assignments.length; i += CHUNK) {
        const chunk = step.assignments.slice(i, i + CHUNK);
        const values = sql.join(chunk.map((a) => sql`(cast(${a.id} as bigint), cast(${Number(a.leafIndex)} as bigint))`));
        // UPDATE … FROM joins on the primary key (SQLite ≥ 3.33 and PostgreSQL). Only still-pending
        // rows are assigned, and the count must match: a guard against a second sequencer.
        const result = await sql`with v(id, idx) as (values ${values})
          update log_entries set leaf_index = v.idx from v
          where log_entries.id = v.id and log_entries.leaf_index is null`.execute(trx);
        const changed = Number(result.numAffectedRows ?? 0n);
        if (changed !== chunk.length) throw new SequencerConflict(`${chunk.length - changed} entries were already sequenced`);
      }
      for (const tile of step.tiles) {
        const hashes = Buffer.concat(tile.hashes.map((h) => Buffer.from(h)));
        const inner = tile.inner ? Buffer.from(tile.inner) : null;
        await trx
          .insertInto('logTiles')
          .values({ level: tile.level, idx: Number(tile.index), width: tile.hashes.length, hashes, inner })
          .onConflict((oc) => oc.columns(['level', 'idx']).doUpdateSet({ width: tile.hashes.length, hashes, inner }))
          .execute();
      }
      await trx
        .insertInto('logCheckpoints')
        .values((eb) => ({
          size: Number(step.checkpoint.size),
          rootHash: toHex(step.checkpoint.rootHash),
          note: step.checkpoint.note,
          createdAt: step.checkpoint.createdAt,
          // The chain link (migration 0040): the checkpoint stored last, in this same transaction.
          previousSize: eb.selectFrom('logCheckpoints').select((e) => e.fn.max('size').as('size')),
        }))
        .execute();
    });
  }

  async addCosignature(size: bigint, witness: string, signatureLine: string, receivedAt: string): Promise<void> {
    await this.#db
      .insertInto('logCosignatures')
      .values({ size: Number(size), witness, signatureLine, receivedAt })
      .onConflict((oc) => oc.columns(['size', 'witness']).doUpdateSet({ signatureLine, receivedAt }))
      .execute();
  }

  async cosignatures(size: bigint): Promise<{ witness: string; signatureLine: string }[]> {
    return this.#db.selectFrom('logCosignatures').select(['witness', 'signatureLine']).where('size', '=', Number(size)).orderBy('witness').execute();
  }
}
