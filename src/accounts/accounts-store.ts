import type { UserRole } from './roles.js';

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
}
