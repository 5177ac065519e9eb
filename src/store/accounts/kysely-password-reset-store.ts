import type { Kysely } from 'kysely';
import type { PasswordResetRow, PasswordResetStore } from '../../accounts/password-reset-store.js';
import type { Database } from '../schema.js';

/** The `password_resets` table (migration 0046). */
export type PasswordResetTables = {
  passwordResets: { id: string; userId: string; createdAt: string; expiresAt: string; usedAt: string | null };
};

/**
 * Password-reset links over Kysely; one instance per transaction.
 *
 * @example
 * await store.transaction((tx) => resetPassword({ ctx, token, password }, { ...tx, resets: new KyselyPasswordResetStore(tx.db) }));
 */
export class KyselyPasswordResetStore implements PasswordResetStore {
  readonly #db: Kysely<Database & PasswordResetTables>;

  constructor(db: Kysely<Database>) {
    this.#db = db.withTables<PasswordResetTables>();
  }

  async insertReset(reset: PasswordResetRow): Promise<void> {
    await this.#db.insertInto('passwordResets').values(reset).execute();
  }

  async findReset(id: string): Promise<PasswordResetRow | null> {
    return (await this.#db.selectFrom('passwordResets').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  async markUsed(id: string, usedAt: string): Promise<boolean> {
    const result = await this.#db.updateTable('passwordResets').set({ usedAt }).where('id', '=', id).where('usedAt', 'is', null).executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }
}
