import { sql, type Kysely } from 'kysely';
import type { Deadline, DeadlineState, DeadlineStore } from '../../kernel/deadlines/deadline.js';
import type { Database } from '../schema.js';

const STATES: readonly DeadlineState[] = ['open', 'fired', 'stopped'];

function toDeadline(row: Database['deadlines']): Deadline {
  const state = STATES.find((s) => s === row.state);
  if (!state) throw new Error(`deadline ${row.id} has an unknown state "${row.state}"`);
  return { ...row, state };
}

/** Deadlines over Kysely. */
export class KyselyDeadlineStore implements DeadlineStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
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

  async markFired(id: string, at: string): Promise<boolean> {
    const result = await this.#db.updateTable('deadlines').set({ state: 'fired', firedAt: at }).where('id', '=', id).where('state', '=', 'open').executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async ofCase(caseType: string, caseId: string): Promise<Deadline[]> {
    const rows = await this.#db.selectFrom('deadlines').selectAll().where('caseType', '=', caseType).where('caseId', '=', caseId).orderBy('dueAt').orderBy('startedAt').execute();
    return rows.map(toDeadline);
  }
}
