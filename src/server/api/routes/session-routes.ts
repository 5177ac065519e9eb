import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { z } from 'zod';
import { createApiToken, revokeApiToken } from '../../../accounts/commands/manage-api-tokens.js';
import { logIn, logOut, SESSION_LIFETIME_MS } from '../../../accounts/sessions.js';
import { KyselyAccountsStore } from '../../../store/accounts/kysely-accounts-store.js';
import type { Store } from '../../../store/store.js';
import type { AppEnv } from '../../app-env.js';
import { SESSION_COOKIE } from '../../middleware/authenticate.js';
import { throttledSignIn } from '../../login-throttle.js';
import type { ApiRouter } from '../api-router.js';
import { runCommand } from '../command-runner.js';
import { uuidParamsSchema } from '../common-schemas.js';
import { apiTokenPresenter, signedInPresenter, whoAmIPresenter } from '../presenters/session-presenters.js';

/**
 * Secure cookies need HTTPS; browsers also accept them from http://localhost. Elsewhere on plain
 * HTTP (a misconfigured deployment) the cookie would be dropped, so Secure is set whenever the
 * request came over HTTPS (directly or via a proxy's X-Forwarded-Proto) or to localhost.
 */
function secureCookie(c: Context<AppEnv>): boolean {
  const url = new URL(c.req.url);
  return url.protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** Starts a session (under the per-account sign-in throttle): sets the HTTP-only session cookie and returns the CSRF token. */
export async function startSession(c: Context<AppEnv>, store: Store, now: () => Date, username: string, password: string) {
  const session = await throttledSignIn(c, store, now, username, () => logIn(new KyselyAccountsStore(store.db), username, password, now()));
  setCookie(c, SESSION_COOKIE, session.sessionToken, { httpOnly: true, secure: secureCookie(c), sameSite: 'Lax', path: '/', maxAge: SESSION_LIFETIME_MS / 1000 });
  // A response that sets a cookie is kept by no cache (RFC 9111 §5.2.2.5).
  c.header('cache-control', 'private, no-store');
  return session;
}

export async function endSession(c: Context<AppEnv>, store: Store): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) await logOut(new KyselyAccountsStore(store.db), token);
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secureCookie(c) });
  c.header('cache-control', 'private, no-store');
}

/** Sign in and out, who am I, and API tokens for scripts. */
export function addSessionRoutes(router: ApiRouter, store: Store, now: () => Date): void {
  router.add(
    { method: 'post', path: '/session', operationId: 'logIn', summary: 'Sign in; sets an HTTP-only session cookie and returns the CSRF token writes must send', tag: 'accounts', body: z.strictObject({ username: z.string().max(100), password: z.string().max(1024) }), responses: { 200: { description: 'Signed in', schema: signedInPresenter } } },
    async (c, { body, reply }) => {
      const session = await startSession(c, store, now, body.username, body.password);
      return reply({ username: session.user.username, role: session.user.role, csrfToken: session.csrfToken });
    },
  );
  router.add(
    { method: 'get', path: '/session', operationId: 'whoAmI', summary: 'Who the request is authenticated as', tag: 'accounts', responses: { 200: { description: 'The actor', schema: whoAmIPresenter } } },
    async (c, { reply }) => {
      const auth = c.get('auth');
      return reply({ authenticated: auth.user !== null, username: auth.user?.username ?? null, role: auth.actor.role, actorId: auth.actor.actorId, csrfToken: auth.csrfToken });
    },
  );
  router.add(
    { method: 'delete', path: '/session', operationId: 'logOut', summary: 'Sign out', tag: 'accounts', responses: { 204: { description: 'Signed out' } } },
    async (c) => {
      await endSession(c, store);
      return c.body(null, 204);
    },
  );
  router.add(
    { method: 'post', path: '/tokens', operationId: 'createApiToken', summary: 'Create an API token (shown once) acting with your role', tag: 'accounts', body: z.strictObject({ name: z.string().max(100) }), permission: 'token.manage-own', responses: { 201: { description: 'The token', schema: apiTokenPresenter } } },
    async (c, { body, reply }) => {
      const { token, row } = await runCommand(store, now, c, (ctx, tx) => createApiToken({ ctx, name: body.name }, tx));
      return reply({ id: row.id, name: row.name, token, createdAt: row.createdAt }, 201);
    },
  );
  router.add(
    { method: 'delete', path: '/tokens/{id}', operationId: 'revokeApiToken', summary: 'Revoke an API token', tag: 'accounts', params: uuidParamsSchema, permission: 'token.manage-own', responses: { 204: { description: 'Revoked' } } },
    async (c, { params }) => {
      await runCommand(store, now, c, (ctx, tx) => revokeApiToken({ ctx, tokenId: params.id }, tx));
      return c.body(null, 204);
    },
  );
}
