import { randomBytes, randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { addUser } from '../../src/accounts/commands/add-user.js';
import type { UserRole } from '../../src/accounts/roles.js';
import { hashSecretToken, newSecretToken } from '../../src/accounts/secret-token.js';
import { SESSION_COOKIE } from '../../src/server/middleware/authenticate.js';
import { KyselyAccountsStore } from '../../src/store/accounts/kysely-accounts-store.js';
import type { AppEnv } from '../../src/server/app-env.js';
import type { Store } from '../../src/store/store.js';
import { SYSTEM_CONTEXT } from './contexts.js';

export const TEST_PASSWORD = 'correct horse battery staple';

/** Creates a user with a role (as the system, like `countersign user add`). */
export async function createUser(store: Store, username: string, role: UserRole): Promise<void> {
  await store.transaction((tx) => addUser({ ctx: SYSTEM_CONTEXT, user: { username, role, password: TEST_PASSWORD } }, tx));
}

/** A signed-in browser: keeps the session cookie and sends the CSRF token on writes. */
export interface TestClient {
  request(path: string, init?: { method?: string; json?: unknown; headers?: Record<string, string> }): Promise<Response>;
}

export function anonymousClient(app: Hono<AppEnv>): TestClient {
  return {
    request: async (path, init = {}) =>
      app.request(`http://localhost${path}`, {
        method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
        headers: { ...(init.json === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
        ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
      }),
  };
}

/** Signs in through the API and returns a client that carries the cookie and CSRF token. */
export async function signedInClient(app: Hono<AppEnv>, username: string): Promise<TestClient> {
  const res = await anonymousClient(app).request('/api/v1/session', { json: { username, password: TEST_PASSWORD } });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    request: (path, init = {}) =>
      anonymousClient(app).request(path, { ...init, headers: { cookie, 'x-csrf-token': csrfToken, ...init.headers } }),
  };
}

/**
 * A signed-in client for a user created and signed in directly in the store (no password hashing,
 * no sign-in route) — for tests that need many users quickly, or more sign-ins than the sign-in
 * rate limit lets through. The user exists as an account with its role, as `user add` makes one.
 */
export async function quickClient(app: Hono<AppEnv>, store: Store, username: string, role: UserRole): Promise<TestClient> {
  const accounts = new KyselyAccountsStore(store.db);
  const now = new Date();
  let user = await accounts.findUserByUsername(username);
  if (!user) {
    user = { id: randomUUID(), username, displayName: null, role, actorId: `a_${randomBytes(8).toString('hex')}`, passwordHash: null, createdAt: now.toISOString(), disabledAt: null };
    await accounts.insertUser(user);
  }
  const sessionToken = newSecretToken();
  const csrfToken = newSecretToken();
  await accounts.insertSession({ id: hashSecretToken(sessionToken), userId: user.id, csrfToken, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + 3600_000).toISOString() });
  return {
    request: (path, init = {}) =>
      anonymousClient(app).request(path, { ...init, headers: { cookie: `${SESSION_COOKIE}=${sessionToken}`, 'x-csrf-token': csrfToken, ...init.headers } }),
  };
}
