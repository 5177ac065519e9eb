import type { Kysely } from 'kysely';
import type { AccountsStore, ApiTokenRow, SessionRow, UserRow } from '../../accounts/accounts-store.js';
import { isUserRole } from '../../accounts/roles.js';
import type { Database } from '../schema.js';

function toUser(row: Database['users']): UserRow {
  if (!isUserRole(row.role)) throw new Error(`user ${row.id} has an unknown role`);
  return { ...row, role: row.role };
}

/** Accounts over Kysely; one instance per transaction (or over the pool for reads). */
export class KyselyAccountsStore implements AccountsStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insertUser(user: UserRow): Promise<void> {
    await this.#db.insertInto('users').values(user).execute();
  }

  async findUserById(id: string): Promise<UserRow | null> {
    const row = await this.#db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async findUserByUsername(username: string): Promise<UserRow | null> {
    const row = await this.#db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async updateUser(id: string, patch: Partial<Pick<UserRow, 'role' | 'passwordHash' | 'disabledAt' | 'displayName'>>): Promise<void> {
    await this.#db.updateTable('users').set(patch).where('id', '=', id).execute();
  }

  async listUsers(): Promise<UserRow[]> {
    return (await this.#db.selectFrom('users').selectAll().orderBy('username').execute()).map(toUser);
  }

  async insertSession(session: SessionRow): Promise<void> {
    await this.#db.insertInto('sessions').values(session).execute();
  }

  async findSession(id: string): Promise<SessionRow | null> {
    return (await this.#db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  async deleteSession(id: string): Promise<void> {
    await this.#db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteSessionsOf(userId: string): Promise<void> {
    await this.#db.deleteFrom('sessions').where('userId', '=', userId).execute();
  }

  async insertApiToken(token: ApiTokenRow): Promise<void> {
    await this.#db.insertInto('apiTokens').values(token).execute();
  }

  async findApiTokenByHash(tokenHash: string): Promise<ApiTokenRow | null> {
    return (await this.#db.selectFrom('apiTokens').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst()) ?? null;
  }

  async findApiTokenById(id: string): Promise<ApiTokenRow | null> {
    return (await this.#db.selectFrom('apiTokens').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  async listApiTokens(userId: string): Promise<ApiTokenRow[]> {
    return this.#db.selectFrom('apiTokens').selectAll().where('userId', '=', userId).orderBy('createdAt').execute();
  }

  async updateApiToken(id: string, patch: Partial<Pick<ApiTokenRow, 'lastUsedAt' | 'revokedAt'>>): Promise<void> {
    await this.#db.updateTable('apiTokens').set(patch).where('id', '=', id).execute();
  }
}
