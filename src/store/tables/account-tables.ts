/**
 * Accounts: users, their sessions and API tokens, and scoped grants of roles. Part of `Database` (../schema.ts).
 */

export interface UserTable {
  id: string;
  username: string;
  displayName: string | null;
  role: string;
  /** The pseudonymous id the transparency log records for this user's actions. */
  actorId: string;
  passwordHash: string | null;
  createdAt: string;
  disabledAt: string | null;
}

export interface SessionTable {
  /** SHA-256 of the session token; the token itself is only in the cookie. */
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export interface ApiTokenTable {
  id: string;
  userId: string;
  name: string;
  /** SHA-256 of the token. */
  tokenHash: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A scoped role: `officer` of `agency:ice`, `board-member` of `board:seattle`. */
export interface GrantTable {
  id: string;
  userId: string;
  role: string;
  scopeKind: string;
  scopeId: string;
  grantedAt: string;
  /** The granting actor's pseudonymous id. */
  grantedBy: string;
  revokedAt: string | null;
  revokedBy: string | null;
}
