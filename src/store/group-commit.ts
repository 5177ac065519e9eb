import { sql, type Kysely, type Transaction } from 'kysely';
import { retryWhileLocked } from './retry-while-locked.js';
import type { Database } from './schema.js';

/** What one command did inside a shared transaction. */
export interface CommandOutcome<T> {
  readonly value: T;
  /** Log entry rows it appended (reported to the sequencer only once they are committed). */
  readonly appended: readonly number[];
  /** Whether it shredded a sealed value (the WAL is then checkpointed after commit). */
  readonly shredded: boolean;
}

interface Queued {
  run(trx: Transaction<Database>): Promise<CommandOutcome<unknown>>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** Commands per shared transaction: enough to amortise an fsync, few enough to keep latency low. */
const MAX_BATCH = 256;

/**
 * Group commit for SQLite, whose single writer runs one transaction at a time anyway: commands
 * that arrive while one is running wait, then run together in one transaction, each inside a
 * SAVEPOINT — a failing command rolls back to its savepoint and fails alone — and one COMMIT
 * (one fsync, every page written once) makes all of them durable. Each caller's promise settles
 * only after that commit. Within a batch commands run one after another, each seeing the ones
 * before: the same serial order as separate transactions.
 *
 * @example
 * const group = new GroupCommit(db, (appended, shredded) => notify(appended));
 * await group.submit((trx) => runCommand(trx));
 */
export class GroupCommit {
  readonly #db: Kysely<Database>;
  readonly #afterCommit: (appended: readonly number[], shredded: boolean) => void;
  #queue: Queued[] = [];
  #draining = false;

  constructor(db: Kysely<Database>, afterCommit: (appended: readonly number[], shredded: boolean) => void) {
    this.#db = db;
    this.#afterCommit = afterCommit;
  }

  submit<T>(run: (trx: Transaction<Database>) => Promise<CommandOutcome<T>>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ run, resolve: (value) => resolve(value as T), reject });
      if (!this.#draining) {
        this.#draining = true;
        setImmediate(() => void this.#drain());
      }
    });
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, MAX_BATCH);
      let outcomes: ({ ok: CommandOutcome<unknown> } | { error: unknown })[] = [];
      try {
        // Another process holding the write lock past the busy timeout: the whole batch waits and re-runs.
        await retryWhileLocked(() => this.#db.transaction().execute(async (trx) => {
          outcomes = [];
          if (batch.length === 1) {
            const only = batch[0];
            if (only) outcomes.push({ ok: await only.run(trx) }); // alone: its failure rolls back the transaction
            return;
          }
          for (const [i, item] of batch.entries()) {
            await sql`savepoint ${sql.raw(`command_${i}`)}`.execute(trx);
            try {
              outcomes.push({ ok: await item.run(trx) });
              await sql`release ${sql.raw(`command_${i}`)}`.execute(trx);
            } catch (error) {
              await sql`rollback to ${sql.raw(`command_${i}`)}`.execute(trx);
              await sql`release ${sql.raw(`command_${i}`)}`.execute(trx);
              outcomes.push({ error });
            }
          }
        }));
      } catch (error) {
        // The lone command failed, or the commit itself did: nothing of the batch was written.
        batch.forEach((item, i) => {
          const outcome = outcomes[i];
          item.reject(outcome !== undefined && 'error' in outcome ? outcome.error : error);
        });
        continue;
      }
      const appended: number[] = [];
      let shredded = false;
      batch.forEach((item, i) => {
        const outcome = outcomes[i];
        if (outcome === undefined) item.reject(new Error('a command of the batch did not run'));
        else if ('error' in outcome) item.reject(outcome.error);
        else {
          appended.push(...outcome.ok.appended);
          shredded ||= outcome.ok.shredded;
          item.resolve(outcome.ok.value);
        }
      });
      if (appended.length > 0 || shredded) this.#afterCommit(appended, shredded);
    }
    this.#draining = false;
  }
}
