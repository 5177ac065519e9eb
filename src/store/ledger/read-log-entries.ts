import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** A sequenced log entry as the portal and API show it: its index and its parsed content. */
export interface LogEntryView {
  readonly index: string;
  readonly entryId: number;
  readonly type: string;
  readonly time: string;
  readonly actor: string;
  readonly subjects: readonly string[];
  readonly data: unknown;
  readonly sealed: Readonly<Record<string, string>>;
  /** The exact entry bytes (canonical JSON), which the leaf hash covers. */
  readonly entry: string;
}

function parseEntry(row: { id: number | string; leafIndex: number | string | null; entry: string }): LogEntryView {
  const parsed: unknown = JSON.parse(row.entry);
  const get = (key: string): unknown => (typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, key) : undefined);
  const subjects = get('subjects');
  const sealed = get('sealed');
  return {
    index: String(row.leafIndex),
    entryId: Number(row.id),
    type: String(get('type')),
    time: String(get('time')),
    actor: String(get('actor')),
    subjects: Array.isArray(subjects) ? subjects.map(String) : [],
    data: get('data'),
    sealed: typeof sealed === 'object' && sealed !== null ? Object.fromEntries(Object.entries(sealed).map(([k, v]) => [k, String(v)])) : {},
    entry: row.entry,
  };
}

/**
 * Sequenced entries, newest first; only those about `subject` (`organization:candiru`) when given.
 * Pending entries are not shown: they are not in any checkpoint yet.
 */
export async function readLogEntries(db: Kysely<Database>, { subject, limit, offset }: { subject?: string | undefined; limit: number; offset: number }): Promise<{ items: LogEntryView[]; total: number }> {
  let query = db.selectFrom('logEntries').where('logEntries.leafIndex', 'is not', null);
  if (subject) query = query.innerJoin('logEntrySubjects', 'logEntrySubjects.logEntryId', 'logEntries.id').where('logEntrySubjects.subject', '=', subject);
  const rows = await query.select(['logEntries.id', 'logEntries.leafIndex', 'logEntries.entry']).orderBy('logEntries.leafIndex', 'desc').limit(limit).offset(offset).execute();
  const total = Number((await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  return { items: rows.map(parseEntry), total };
}

/** One sequenced entry by leaf index. */
export async function readLogEntry(db: Kysely<Database>, index: bigint): Promise<LogEntryView | undefined> {
  const row = await db.selectFrom('logEntries').select(['id', 'leafIndex', 'entry']).where('leafIndex', '=', Number(index)).executeTakeFirst();
  return row ? parseEntry(row) : undefined;
}
