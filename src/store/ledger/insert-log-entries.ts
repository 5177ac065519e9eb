import type { Kysely } from 'kysely';
import type { PreparedEntry } from '../../ledger/append/prepare-log-entry.js';
import type { Database } from '../schema.js';

/** Rows per multi-row insert: under SQLite's 32,766 bound parameters at 3 per row. */
const CHUNK = 2000;

/**
 * Inserts prepared entries (pending: no leaf index yet), their subjects and their seal openings,
 * in the caller's transaction. Returns the row ids in input order.
 */
export async function insertLogEntries(db: Kysely<Database>, entries: readonly PreparedEntry[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < entries.length; i += CHUNK) {
    const chunk = entries.slice(i, i + CHUNK);
    const rows = await db.insertInto('logEntries').values(chunk.map((e) => ({ entry: e.entry, type: e.type, createdAt: e.createdAt }))).returning('id').execute();
    const chunkIds = rows.map((r) => Number(r.id));
    ids.push(...chunkIds);
    const subjects = chunk.flatMap((e, j) => e.subjects.map((subject) => ({ subject, logEntryId: chunkIds[j] ?? 0 })));
    for (let k = 0; k < subjects.length; k += CHUNK) await db.insertInto('logEntrySubjects').values(subjects.slice(k, k + CHUNK)).execute();
    const openings = chunk.flatMap((e, j) => e.openings.map((o) => ({ logEntryId: chunkIds[j] ?? 0, field: o.field, value: o.value, opening: o.opening, unsealedAt: null })));
    for (let k = 0; k < openings.length; k += CHUNK) await db.insertInto('sealOpenings').values(openings.slice(k, k + CHUNK)).execute();
  }
  return ids;
}
