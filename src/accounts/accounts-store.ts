import type { UserRole } from './roles.js';
import type { Grant, ScopedRole, Scope } from './scoped-roles.js';

export interface UserRow {
  readonly id: string;
  readonly username: string;
  readonly displayName: string | null;
  readonly role: UserRole;
  readonly actorId: string;
  readonly passwordHash: string | null;
  readonly createdAt: string;
  readonly disabledAt: string | null;
}

export interface SessionRow {
  readonly id: string;
  readonly userId: string;
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

export interface ApiTokenRow {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly tokenHash: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

/** A grant as stored: who holds it, since when, and whether it was revoked. */
export interface GrantRow {
  readonly id: string;
  readonly userId: string;
  readonly role: ScopedRole;
  readonly scope: Scope;
  readonly grantedAt: string;
  readonly grantedBy: string;
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
}

/** What accounts need of storage. */
export interface AccountsStore {
  insertUser(user: UserRow): Promise<void>;
  findUserById(id: string): Promise<UserRow | null>;
  findUserByUsername(username: string): Promise<UserRow | null>;
  updateUser(id: string, patch: Partial<Pick<UserRow, 'role' | 'passwordHash' | 'disabledAt' | 'displayName'>>): Promise<void>;
  listUsers(): Promise<UserRow[]>;
  insertSession(session: SessionRow): Promise<void>;
  findSession(id: string): Promise<SessionRow | null>;
  deleteSession(id: string): Promise<void>;
  deleteSessionsOf(userId: string): Promise<void>;
  insertApiToken(token: ApiTokenRow): Promise<void>;
  findApiTokenByHash(tokenHash: string): Promise<ApiTokenRow | null>;
  findApiTokenById(id: string): Promise<ApiTokenRow | null>;
  listApiTokens(userId: string): Promise<ApiTokenRow[]>;
  updateApiToken(id: string, patch: Partial<Pick<ApiTokenRow, 'lastUsedAt' | 'revokedAt'>>): Promise<void>;
  insertGrant(grant: GrantRow): Promise<void>;
  /** The user's grants not revoked. */
  activeGrants(userId: string): Promise<Grant[]>;
  findActiveGrant(userId: string, role: ScopedRole, scope: Scope): Promise<GrantRow | null>;
  revokeGrant(id: string, at: string, by: string): Promise<void>;
  /** Grants of a role for a scope (the officers of an agency), with their users' actor ids. */
  grantsFor(scope: Scope, role?: ScopedRole): Promise<(GrantRow & { actorId: string })[]>;
}
