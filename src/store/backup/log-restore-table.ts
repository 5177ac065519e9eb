import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The `log_restores` table (migration 0047). */
export type LogRestoreTables = {
  logRestores: { restoredAt: string; fromFile: string; logSize: number; requiredOrigin: string | null };
};

/**
 * The origin the log must be served under after a restore that started a new one; null if no
 * restore required one. `serve` refuses to start under any other origin.
 *
 * @example
 * const required = await requiredLogOrigin(store.db); // 'example.org/log-2' after restore --new-origin
 */
export async function requiredLogOrigin(db: Kysely<Database>): Promise<string | null> {
  const row = await db
    .withTables<LogRestoreTables>()
    .selectFrom('logRestores')
    .select('requiredOrigin')
    .where('requiredOrigin', 'is not', null)
    .orderBy('restoredAt', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.requiredOrigin ?? null;
}
