import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { PreparedEntry } from '../../ledger/append/prepare-log-entry.js';
import type { DialectName } from '../dialect-name.js';
import type { Database } from '../schema.js';

/** Rows per multi-row insert: under SQLite's 32,766 bound parameters at up to 5 per row. */
const CHUNK = 2000;

/** The seal-store values and openings of entries whose row ids are known, paired by entry. */
export function sealRows(entries: readonly PreparedEntry[], ids: readonly number[]): {
  values: { id: string; groupId: string; value: string; createdAt: string }[];
  openings: { logEntryId: number; field: string; valueId: string; opening: string; unsealedAt: null }[];
} {
  const values: { id: string; groupId: string; value: string; createdAt: string }[] = [];
  const openings: { logEntryId: number; field: string; valueId: string; opening: string; unsealedAt: null }[] = [];
  entries.forEach((entry, i) => {
    const logEntryId = ids[i];
    if (logEntryId === undefined) throw new Error(`log entry ${i} of ${entries.length} has no row id`);
    for (const o of entry.openings) {
      // A value the command put in the seal store already is referred to; a plain one is put now.
      let valueId = o.valueId;
      if (valueId === null) {
        valueId = randomUUID();
        values.push({ id: valueId, groupId: valueId, value: o.value, createdAt: entry.createdAt });
      }
      openings.push({ logEntryId, field: o.field, valueId, opening: o.opening, unsealedAt: null });
    }
  });
  return { values, openings };
}

/**
 * Row ids for `count` new entries. PostgreSQL does not promise the order of a multi-row
 * `RETURNING`, so ids are taken from the sequence first and each entry is inserted with its own:
 * subjects and openings are paired with entries by that explicit id, never by position. SQLite
 * inserts one row at a time (its single writer makes that cheap).
 */
async function allocateIds(db: Kysely<Database>, count: number): Promise<number[]> {
  const rows = await sql<{ id: number | string }>`select nextval(pg_get_serial_sequence('log_entries', 'id')) as id from generate_series(1, ${count})`.execute(db);
  return rows.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/**
 * Inserts prepared entries (pending: no leaf index yet), their subjects, their sealed values and
 * openings, in the caller's transaction. Returns the row ids in input order.
 */
export async function insertLogEntries(db: Kysely<Database>, dialect: DialectName, entries: readonly PreparedEntry[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < entries.length; i += CHUNK) {
    const chunk = entries.slice(i, i + CHUNK);
    let chunkIds: number[];
    if (dialect === 'postgres') {
      chunkIds = await allocateIds(db, chunk.length);
      await db.insertInto('logEntries').values(chunk.map((e, j) => ({ id: chunkIds[j], entry: e.entry, type: e.type, createdAt: e.createdAt }))).execute();
    } else {
      chunkIds = [];
      for (const e of chunk) {
        const row = await db.insertInto('logEntries').values({ entry: e.entry, type: e.type, createdAt: e.createdAt }).returning('id').executeTakeFirstOrThrow();
        chunkIds.push(Number(row.id));
      }
    }
    ids.push(...chunkIds);
    const subjects = chunk.flatMap((e, j) => e.subjects.map((subject) => ({ subject, logEntryId: idOf(chunkIds, j) })));
    for (let k = 0; k < subjects.length; k += CHUNK) await db.insertInto('logEntrySubjects').values(subjects.slice(k, k + CHUNK)).execute();
    const { values, openings } = sealRows(chunk, chunkIds);
    for (let k = 0; k < values.length; k += CHUNK) await db.insertInto('sealedValues').values(values.slice(k, k + CHUNK)).execute();
    for (let k = 0; k < openings.length; k += CHUNK) await db.insertInto('sealOpenings').values(openings.slice(k, k + CHUNK)).execute();
  }
  return ids;
}

function idOf(ids: readonly number[], index: number): number {
  const id = ids[index];
  if (id === undefined) throw new Error(`log entry ${index} has no row id`);
  return id;
}
