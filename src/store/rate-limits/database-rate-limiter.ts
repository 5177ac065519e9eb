import { sql, type Kysely } from 'kysely';
import type { RateLimitCount, RateLimiter, RateLimitRule } from '../../core/rate-limiter.js';
import { windowStart } from '../../core/rate-limiter.js';
import type { Database } from '../schema.js';
import type { RateLimitTables } from './rate-limit-window-table.js';

/** About one hit in this many also deletes windows that ended long ago, so the table stays small. */
const SWEEP_EVERY = 500;
/** Windows older than this are gone from every bucket's point of view (no rule is longer than a day). */
const SWEEP_AGE_MS = 24 * 3600 * 1000;

/**
 * Rate-limit counts in the database (table `rate_limit_windows`), shared by every process that
 * serves it. One hit is one upsert that starts a new window or adds one to the current window's
 * count, atomically (PostgreSQL and SQLite ≥ 3.35 both serialise `on conflict do update` on the
 * row), and returns the new count.
 *
 * @example
 * const limiter = new DatabaseRateLimiter(store.db);
 * if ((await limiter.hit(rule, address, Date.now())).hits > rule.limit) // refuse with 429
 */
export class DatabaseRateLimiter implements RateLimiter {
  readonly #db: Kysely<Database & RateLimitTables>;
  #sinceSweep = 0;

  constructor(db: Kysely<Database>) {
    this.#db = db.withTables<RateLimitTables>();
  }

  async hit(rule: RateLimitRule, clientKey: string, now: number): Promise<RateLimitCount> {
    const start = windowStart(rule, now);
    const row = await this.#db
      .insertInto('rateLimitWindows')
      .values({ bucket: rule.bucket, clientKey, windowStart: start, hits: 1 })
      .onConflict((oc) =>
        oc.columns(['bucket', 'clientKey']).doUpdateSet({
          hits: sql<number>`case when rate_limit_windows.window_start = excluded.window_start then rate_limit_windows.hits + 1 else 1 end`,
          windowStart: sql<number>`excluded.window_start`,
        }),
      )
      .returning(['hits', 'windowStart'])
      .executeTakeFirstOrThrow();
    this.#sinceSweep += 1;
    if (this.#sinceSweep >= SWEEP_EVERY) {
      this.#sinceSweep = 0;
      await this.#db.deleteFrom('rateLimitWindows').where('windowStart', '<', now - SWEEP_AGE_MS).execute();
    }
    return { hits: Number(row.hits), windowEndsAt: Number(row.windowStart) + rule.windowMs };
  }

  async peek(rule: RateLimitRule, clientKey: string, now: number): Promise<RateLimitCount> {
    const start = windowStart(rule, now);
    const row = await this.#db
      .selectFrom('rateLimitWindows')
      .select('hits')
      .where('bucket', '=', rule.bucket)
      .where('clientKey', '=', clientKey)
      .where('windowStart', '=', start)
      .executeTakeFirst();
    return { hits: row ? Number(row.hits) : 0, windowEndsAt: start + rule.windowMs };
  }
}
