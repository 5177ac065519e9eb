import { CommandError } from '../core/command-error.js';
import type { AccountsStore, UserRow } from './accounts-store.js';
import type { Actor } from './actor.js';
import { ANONYMOUS } from './actor.js';
import { verifyPassword } from './password-hash.js';
import { hashSecretToken, newSecretToken } from './secret-token.js';

/** Sessions last a working day's worth of week: long enough for an editor, short enough to expire. */
export const SESSION_LIFETIME_MS = 7 * 24 * 3600 * 1000;

// A valid hash to check against when the user does not exist, so timing does not reveal usernames.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/**
 * Checks a username and password and opens a session. Returns the session token (for the
 * HTTP-only cookie) and the CSRF token (for forms); only the session token's hash is stored.
 * Failure says only "invalid username or password", whichever it was.
 */
export async function logIn(accounts: AccountsStore, username: string, password: string, now: Date): Promise<{ sessionToken: string; csrfToken: string; user: UserRow }> {
  const user = await accounts.findUserByUsername(username.trim().toLowerCase());
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabledAt) throw new CommandError({ code: 'UNAUTHENTICATED', message: 'invalid username or password' });
  const sessionToken = newSecretToken();
  const csrfToken = newSecretToken();
  await accounts.insertSession({
    id: hashSecretToken(sessionToken),
    userId: user.id,
    csrfToken,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString(),
  });
  return { sessionToken, csrfToken, user };
}

export async function logOut(accounts: AccountsStore, sessionToken: string): Promise<void> {
  await accounts.deleteSession(hashSecretToken(sessionToken));
}

async function actorOf(accounts: AccountsStore, user: UserRow): Promise<Actor> {
  return { kind: 'user', userId: user.id, actorId: user.actorId, role: user.role, grants: await accounts.activeGrants(user.id) };
}

/** The actor behind a session cookie, with the session's CSRF token; anonymous if none is valid. */
export async function actorFromSession(accounts: AccountsStore, sessionToken: string | undefined, now: Date): Promise<{ actor: Actor; csrfToken: string | null; user: UserRow | null }> {
  if (!sessionToken) return { actor: ANONYMOUS, csrfToken: null, user: null };
  const session = await accounts.findSession(hashSecretToken(sessionToken));
  if (!session || session.expiresAt <= now.toISOString()) return { actor: ANONYMOUS, csrfToken: null, user: null };
  const user = await accounts.findUserById(session.userId);
  if (!user || user.disabledAt) return { actor: ANONYMOUS, csrfToken: null, user: null };
  return { actor: await actorOf(accounts, user), csrfToken: session.csrfToken, user };
}

/** The actor behind an API token (`Authorization: Bearer cs_…`); null if it is unknown or revoked. */
export async function actorFromApiToken(accounts: AccountsStore, token: string, now: Date): Promise<{ actor: Actor; user: UserRow } | null> {
  const row = await accounts.findApiTokenByHash(hashSecretToken(token));
  if (!row || row.revokedAt) return null;
  const user = await accounts.findUserById(row.userId);
  if (!user || user.disabledAt) return null;
  await accounts.updateApiToken(row.id, { lastUsedAt: now.toISOString() });
  return { actor: await actorOf(accounts, user), user };
}
