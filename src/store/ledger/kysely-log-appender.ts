import type { Kysely } from 'kysely';
import type { AppendedEntry, LogAppender } from '../../ledger/append/log-appender.js';
import type { LogEntryInput } from '../../ledger/append/log-entry-input.js';
import { encodeLogEntry } from '../../ledger/append/encode-log-entry.js';
import { commitField } from '../../ledger/seal/commit-field.js';
import { canonicalJson } from '../../ledger/entries/canonical-json.js';
import type { Database } from '../schema.js';

/**
 * Appends entries inside the caller's transaction: the entry row (pending until the sequencer
 * gives it an index) and, apart from it, the openings of its sealed fields.
 */
export class KyselyLogAppender implements LogAppender {
  readonly #db: Kysely<Database>;
  readonly #appended: number[] = [];

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Ids appended through this appender (the store wakes the sequencer for them after commit). */
  get appended(): readonly number[] {
    return this.#appended;
  }

  async append(input: LogEntryInput): Promise<AppendedEntry> {
    const sealed = Object.entries(input.sealed ?? {}).map(([field, value]) => ({ field, value, ...commitField(field, value) }));
    const entry = encodeLogEntry(input, Object.fromEntries(sealed.map((s) => [s.field, s.commitment])));
    const row = await this.#db
      .insertInto('logEntries')
      .values({ entry, type: input.type, createdAt: input.time })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    if (sealed.length > 0) {
      await this.#db
        .insertInto('sealOpenings')
        .values(sealed.map((s) => ({ logEntryId: id, field: s.field, value: canonicalJson(s.value), opening: s.opening, unsealedAt: null })))
        .execute();
    }
    const subjects = [...new Set(input.subjects)];
    if (subjects.length > 0) await this.#db.insertInto('logEntrySubjects').values(subjects.map((subject) => ({ subject, logEntryId: id }))).execute();
    this.#appended.push(id);
    return { id };
  }
}
