import { sql, type Kysely } from 'kysely';
import type { Deadline, DeadlineState, DeadlineStore } from '../../kernel/deadlines/deadline.js';
import type { DialectName } from '../dialect-name.js';
import type { Database } from '../schema.js';

const STATES: readonly DeadlineState[] = ['open', 'fired', 'stopped'];

/** Ids per `markFired` statement: well under SQLite's 32,766 bound parameters. */
const CHUNK = 1000;

function toDeadline(row: Database['deadlines']): Deadline {
  const state = STATES.find((s) => s === row.state);
  if (!state) throw new Error(`deadline ${row.id} has an unknown state "${row.state}"`);
  return { ...row, state };
}

/** Deadlines over Kysely, inside a store transaction (pages read through `deadlinesOfCase`). */
export class KyselyDeadlineStore implements DeadlineStore {
  readonly #db: Kysely<Database>;
  readonly #dialect: DialectName;

  constructor(db: Kysely<Database>, dialect: DialectName) {
    this.#db = db;
    this.#dialect = dialect;
  }

  async start(deadline: Deadline): Promise<boolean> {
    // The partial unique index (case, kind) where open makes a second start a no-op. The conflict
    // target must repeat the index's predicate literally (SQLite matches it as written).
    const result = await this.#db.insertInto('deadlines').values(deadline).onConflict((oc) => oc.columns(['caseType', 'caseId', 'kind']).where('state', '=', sql.lit('open')).doNothing()).executeTakeFirst();
    if (result.numInsertedOrUpdatedRows === undefined) throw new Error('the database did not say whether the deadline was inserted');
    return Number(result.numInsertedOrUpdatedRows) === 1;
  }

  async stop(caseType: string, caseId: string, kinds: readonly string[], at: string, reason: string): Promise<number> {
    if (kinds.length === 0) return 0;
    const result = await this.#db.updateTable('deadlines').set({ state: 'stopped', stoppedAt: at, stopReason: reason }).where('caseType', '=', caseType).where('caseId', '=', caseId).where('kind', 'in', [...kinds]).where('state', '=', 'open').executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async due(now: string, limit: number): Promise<Deadline[]> {
    const rows = await this.#db.selectFrom('deadlines').selectAll().where('state', '=', 'open').where('dueAt', '<=', now).orderBy('dueAt').orderBy('id').limit(limit).execute();
    return rows.map(toDeadline);
  }

  async markFired(ids: readonly string[], at: string): Promise<ReadonlySet<string>> {
    const marked = new Set<string>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      // On PostgreSQL the rows are locked in id order first: two ticks marking overlapping batches
      // then wait for each other instead of deadlocking. The state is checked again under the lock,
      // so a deadline the other tick fired is left out. SQLite has one writer and no row locks.
      const rows = this.#dialect === 'postgres'
        ? await this.#db.updateTable('deadlines').set({ state: 'fired', firedAt: at })
          .where('id', 'in', this.#db.selectFrom('deadlines').select('id').where('id', 'in', chunk).where('state', '=', 'open').orderBy('id').forUpdate())
          .where('state', '=', 'open').returning('id').execute()
        : await this.#db.updateTable('deadlines').set({ state: 'fired', firedAt: at }).where('id', 'in', chunk).where('state', '=', 'open').returning('id').execute();
      for (const row of rows) marked.add(row.id);
    }
    return marked;
  }

  ofCase(caseType: string, caseId: string): Promise<Deadline[]> {
    return deadlinesOfCase(this.#db, caseType, caseId);
  }
}

/**
 * Every deadline of a case, by due time: the query pages and feeds read (it never writes).
 *
 * @example
 * const deadlines = await deadlinesOfCase(store.db, 'docket', id);
 */
export async function deadlinesOfCase(db: Kysely<Database>, caseType: string, caseId: string): Promise<Deadline[]> {
  const rows = await db.selectFrom('deadlines').selectAll().where('caseType', '=', caseType).where('caseId', '=', caseId).orderBy('dueAt').orderBy('startedAt').execute();
  return rows.map(toDeadline);
}
