import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { SharedRateCounter } from '../../core/batching-rate-limiter.js';
import type { RateLimitCount, RateLimiter, RateLimitRule } from '../../core/rate-limiter.js';
import { windowStart } from '../../core/rate-limiter.js';
import type { Database } from '../schema.js';
import type { RateLimitTables } from './rate-limit-window-table.js';

/** The row the upsert returns, read straight from SQLite (column names as stored). */
const upsertRow = z.object({ hits: z.number(), window_start: z.number() }).transform((r) => ({ hits: r.hits, windowStart: r.window_start }));

/** About one hit in this many also deletes windows that ended long ago, so the table stays small. */
const SWEEP_EVERY = 500;
/** Windows older than this are gone from every bucket's point of view (no rule is longer than a day). */
const SWEEP_AGE_MS = 24 * 3600 * 1000;

/**
 * Rate-limit counts in the database (table `rate_limit_windows`), shared by every process that
 * serves it. One settle is one upsert that starts a new window or adds its hits to the current window's
 * count, atomically (PostgreSQL and SQLite ≥ 3.35 both serialise `on conflict do update` on the
 * row), and returns the new count.
 *
 * On SQLite the database commits with a full fsync (a committed log entry must survive power
 * loss), which would make every rate-limited request wait for the disk — ~7 ms of a blocked event
 * loop each, here. A count is not worth that: given the raw handle, the upsert runs with
 * `synchronous = NORMAL` (in WAL mode: no fsync at commit; a power cut may forget the last counts),
 * restored to FULL before anything else can run — the three steps are synchronous, inside
 * Kysely's hold on its single connection, so no other statement or transaction sees the setting.
 *
 * @example
 * const limiter = new DatabaseRateLimiter(store.db, store.sqlite);
 * if ((await limiter.hit(rule, address, Date.now())).hits > rule.limit) // refuse with 429
 */
export class DatabaseRateLimiter implements RateLimiter, SharedRateCounter {
  readonly #db: Kysely<Database & RateLimitTables>;
  readonly #sqlite: BetterSqlite3.Database | undefined;
  /** The upsert prepared once per SQL text (the text is the same for every hit; only values change). */
  readonly #prepared = new Map<string, BetterSqlite3.Statement>();
  #sinceSweep = 0;

  /** `sqlite`: the store's raw SQLite handle (`store.sqlite`), to count without an fsync; undefined on PostgreSQL. */
  constructor(db: Kysely<Database>, sqlite?: BetterSqlite3.Database) {
    this.#db = db.withTables<RateLimitTables>();
    this.#sqlite = sqlite;
  }

  hit(rule: RateLimitRule, clientKey: string, now: number): Promise<RateLimitCount> {
    return this.add(rule, clientKey, now, 1);
  }

  /** Adds `count` hits at once (what `BatchingRateLimiter` settles) and returns the new total. */
  async add(rule: RateLimitRule, clientKey: string, now: number, count: number): Promise<RateLimitCount> {
    const start = windowStart(rule, now);
    const row = this.#sqlite ? await this.#hitWithoutFsync(this.#sqlite, rule, clientKey, start, count) : await this.#upsert(rule, clientKey, start, count);
    this.#sinceSweep += 1;
    if (this.#sinceSweep >= SWEEP_EVERY) {
      this.#sinceSweep = 0;
      await this.#db.deleteFrom('rateLimitWindows').where('windowStart', '<', now - SWEEP_AGE_MS).execute();
    }
    return { hits: Number(row.hits), windowEndsAt: Number(row.windowStart) + rule.windowMs };
  }

  #hitWithoutFsync(sqlite: BetterSqlite3.Database, rule: RateLimitRule, clientKey: string, start: number, count: number): Promise<{ hits: number; windowStart: number }> {
    const compiled = this.#upsertQuery(rule, clientKey, start, count).compile();
    const statement = this.#prepared.get(compiled.sql) ?? sqlite.prepare(compiled.sql);
    this.#prepared.set(compiled.sql, statement);
    return this.#db.connection().execute(async () => {
      sqlite.pragma('synchronous = NORMAL');
      try {
        return upsertRow.parse(statement.get(...compiled.parameters));
      } finally {
        sqlite.pragma('synchronous = FULL');
      }
    });
  }

  #upsert(rule: RateLimitRule, clientKey: string, start: number, count: number): Promise<{ hits: number; windowStart: number }> {
    return this.#upsertQuery(rule, clientKey, start, count).executeTakeFirstOrThrow();
  }

  #upsertQuery(rule: RateLimitRule, clientKey: string, start: number, count: number) {
    return this.#db
      .insertInto('rateLimitWindows')
      .values({ bucket: rule.bucket, clientKey, windowStart: start, hits: count })
      .onConflict((oc) =>
        oc.columns(['bucket', 'clientKey']).doUpdateSet({
          hits: sql<number>`case when rate_limit_windows.window_start = excluded.window_start then rate_limit_windows.hits + excluded.hits else excluded.hits end`,
          windowStart: sql<number>`excluded.window_start`,
        }),
      )
      .returning(['hits', 'windowStart']);
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
