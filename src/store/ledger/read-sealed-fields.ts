import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { JsonValue } from '../../core/json-value.js';
import { canonicalJson } from '../../ledger/entries/canonical-json.js';
import { verifyOpening } from '../../ledger/seal/commit-field.js';
import type { Database } from '../schema.js';
import { KyselySealStore } from './kysely-seal-store.js';

/** Where one sealed field of an entry stands. An unsealed field's value and opening come from the log's own `ledger.seal.unsealed` entry. */
export type SealedFieldState =
  | { readonly field: string; readonly commitment: string; readonly state: 'sealed' | 'shredded' }
  | { readonly field: string; readonly commitment: string; readonly state: 'unsealed'; readonly unsealedAt: string; readonly value: JsonValue; readonly opening: string; readonly opens: boolean };

const unsealedData = z.object({ index: z.string(), field: z.string(), value: z.json(), opening: z.string() });

/**
 * The published openings of an entry's sealed fields, read from the log itself — not from the
 * seal store's tables, which someone with database access could edit: what the public is shown
 * as an unsealed value is exactly what the log entry publishing it says, and `opens` says whether
 * it really opens the commitment. Keyed by field.
 */
export async function readPublishedOpenings(db: Kysely<Database>, index: bigint): Promise<Map<string, { at: string; value: JsonValue; opening: string }>> {
  const rows = await db
    .selectFrom('logEntrySubjects')
    .innerJoin('logEntries', 'logEntries.id', 'logEntrySubjects.logEntryId')
    .select('logEntries.entry')
    .where('logEntrySubjects.subject', '=', `log:${index}`)
    .where('logEntries.type', '=', 'ledger.seal.unsealed')
    .orderBy('logEntries.id')
    .execute();
  const published = new Map<string, { at: string; value: JsonValue; opening: string }>();
  for (const row of rows) {
    const entry = z.object({ time: z.string(), data: unsealedData }).parse(JSON.parse(row.entry));
    if (!published.has(entry.data.field)) published.set(entry.data.field, { at: entry.time, value: entry.data.value, opening: entry.data.opening });
  }
  return published;
}

/**
 * Each sealed field of a sequenced entry: `unsealed` (published in the log, with whether the
 * published value opens the commitment), `sealed` (its opening is held), or `shredded`.
 *
 * @example
 * const fields = await readSealedFields(db, { entryId, index, sealed: entry.sealed });
 */
export async function readSealedFields(db: Kysely<Database>, entry: { entryId: number; index: bigint; sealed: Readonly<Record<string, string>> }): Promise<SealedFieldState[]> {
  const held = new Set((await new KyselySealStore(db).openings(entry.entryId)).map((o) => o.field));
  const published = await readPublishedOpenings(db, entry.index);
  return Object.entries(entry.sealed).map(([field, commitment]): SealedFieldState => {
    const opened = published.get(field);
    if (opened) return { field, commitment, state: 'unsealed', unsealedAt: opened.at, value: opened.value, opening: opened.opening, opens: verifyOpening(field, opened.value, opened.opening, commitment) };
    return { field, commitment, state: held.has(field) ? 'sealed' : 'shredded' };
  });
}

/** Canonical JSON of a published value, as pages show it. */
export function publishedValueText(value: JsonValue): string {
  return canonicalJson(value);
}
