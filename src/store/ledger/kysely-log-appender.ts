import type { Kysely } from 'kysely';
import type { AppendedEntry, LogAppender } from '../../ledger/append/log-appender.js';
import type { LogEntryInput } from '../../ledger/append/log-entry-input.js';
import { prepareLogEntry } from '../../ledger/append/prepare-log-entry.js';
import type { DialectName } from '../dialect-name.js';
import type { Database } from '../schema.js';
import { insertLogEntries } from './insert-log-entries.js';

/**
 * Appends entries inside the caller's transaction: the entry row (pending until the sequencer
 * gives it an index), its subjects, and apart from it the openings of its sealed fields.
 */
export class KyselyLogAppender implements LogAppender {
  readonly #db: Kysely<Database>;
  readonly #dialect: DialectName;
  readonly #appended: number[] = [];

  constructor(db: Kysely<Database>, dialect: DialectName) {
    this.#db = db;
    this.#dialect = dialect;
  }

  /** Ids appended through this appender (the store wakes the sequencer for them after commit). */
  get appended(): readonly number[] {
    return this.#appended;
  }

  async append(input: LogEntryInput): Promise<AppendedEntry> {
    const [appended] = await this.appendAll([input]);
    if (appended === undefined) throw new Error('the log entry was not stored');
    return appended;
  }

  /** One multi-row insert per table on PostgreSQL (ids taken from the sequence in input order); SQLite inserts row by row in-process. */
  async appendAll(inputs: readonly LogEntryInput[]): Promise<AppendedEntry[]> {
    if (inputs.length === 0) return [];
    const ids = await insertLogEntries(this.#db, this.#dialect, inputs.map(prepareLogEntry));
    if (ids.length !== inputs.length) throw new Error(`${inputs.length} log entries were given, ${ids.length} stored`);
    this.#appended.push(...ids);
    return ids.map((id) => ({ id }));
  }
}
