import { sql, type Kysely } from 'kysely';
import type { CaseStates } from '../../kernel/workflow/case-states.js';
import type { Database } from '../schema.js';
import { CASE_TABLES } from './case-tables.js';

/**
 * Conditional state updates over any case table: `UPDATE … SET state = to WHERE id = ? AND
 * state = from`. On PostgreSQL a concurrent transaction that already moved the row holds its lock
 * until commit; this statement then re-reads the row, finds the state changed and updates nothing
 * — exactly one of twenty concurrent accepts wins.
 */
export class KyselyCaseStates implements CaseStates {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async compareAndSet(caseType: string, id: string, from: string, to: string, at: string): Promise<boolean> {
    const where = Object.hasOwn(CASE_TABLES, caseType) ? CASE_TABLES[caseType] : undefined;
    if (!where) throw new Error(`no case table for "${caseType}" (add it to CASE_TABLES)`);
    const changedAt = where.changedAt ? sql`, ${sql.ref(where.changedAt)} = ${at}` : sql``;
    const result = await sql`update ${sql.table(where.table)} set ${sql.ref(where.state)} = ${to}${changedAt} where id = ${id} and ${sql.ref(where.state)} = ${from}`.execute(this.#db);
    if (result.numAffectedRows === undefined) throw new Error(`the database did not say how many ${where.table} rows the state update changed`);
    return Number(result.numAffectedRows) === 1;
  }
}
