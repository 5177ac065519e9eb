import type { Kysely } from 'kysely';
import type { AccountsStore, ApiTokenRow, GrantRow, SessionRow, UserRow } from '../../accounts/accounts-store.js';
import { isUserRole } from '../../accounts/roles.js';
import { isScopedRole, SCOPE_KINDS, type Grant, type Scope, type ScopedRole } from '../../accounts/scoped-roles.js';
import type { Database } from '../schema.js';

function toUser(row: Database['users']): UserRow {
  if (!isUserRole(row.role)) throw new Error(`user ${row.id} has an unknown role`);
  return { ...row, role: row.role };
}

function toGrant(row: Database['grants']): GrantRow {
  const kind = SCOPE_KINDS.find((k) => k === row.scopeKind);
  if (!isScopedRole(row.role) || !kind) throw new Error(`grant ${row.id} has an unknown role or scope kind`);
  return { id: row.id, userId: row.userId, role: row.role, scope: { kind, id: row.scopeId }, grantedAt: row.grantedAt, grantedBy: row.grantedBy, revokedAt: row.revokedAt, revokedBy: row.revokedBy };
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

  async insertGrant(grant: GrantRow): Promise<void> {
    const { scope, ...rest } = grant;
    await this.#db.insertInto('grants').values({ ...rest, scopeKind: scope.kind, scopeId: scope.id }).execute();
  }

  async activeGrants(userId: string): Promise<Grant[]> {
    const rows = await this.#db.selectFrom('grants').selectAll().where('userId', '=', userId).where('revokedAt', 'is', null).orderBy('grantedAt').execute();
    return rows.map(toGrant).map((g) => ({ role: g.role, scope: g.scope }));
  }

  async findActiveGrant(userId: string, role: ScopedRole, scope: Scope): Promise<GrantRow | null> {
    const row = await this.#db.selectFrom('grants').selectAll().where('userId', '=', userId).where('role', '=', role).where('scopeKind', '=', scope.kind).where('scopeId', '=', scope.id).where('revokedAt', 'is', null).executeTakeFirst();
    return row ? toGrant(row) : null;
  }

  async revokeGrant(id: string, at: string, by: string): Promise<void> {
    await this.#db.updateTable('grants').set({ revokedAt: at, revokedBy: by }).where('id', '=', id).execute();
  }

  async grantsFor(scope: Scope, role?: ScopedRole): Promise<(GrantRow & { actorId: string })[]> {
    let query = this.#db.selectFrom('grants').innerJoin('users', 'users.id', 'grants.userId').selectAll('grants').select('users.actorId').where('scopeKind', '=', scope.kind).where('scopeId', '=', scope.id).where('revokedAt', 'is', null);
    if (role) query = query.where('grants.role', '=', role);
    const rows = await query.orderBy('grantedAt').execute();
    return rows.map((r) => ({ ...toGrant(r), actorId: r.actorId }));
  }
}
