import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { ANONYMOUS } from '../../accounts/actor.js';
import { actorFromApiToken, actorFromSession } from '../../accounts/sessions.js';
import { CommandError } from '../../core/command-error.js';
import { KyselyAccountsStore } from '../../store/accounts/kysely-accounts-store.js';
import type { Store } from '../../store/store.js';
import type { AppEnv } from '../app-env.js';

export const SESSION_COOKIE = 'countersign_session';

/**
 * Works out who is asking: a bearer API token (`Authorization: Bearer cs_…`) or a session cookie;
 * anonymous otherwise. A bad bearer token is refused outright (401) rather than silently treated
 * as anonymous, so a script notices its token was revoked.
 */
export function authenticate(store: Store, now: () => Date): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const cookie = getCookie(c, SESSION_COOKIE);
    // Most readers send neither: they are anonymous without a look at the accounts.
    if (header === undefined && cookie === undefined) {
      c.set('auth', { actor: ANONYMOUS, user: null, via: 'none', csrfToken: null });
      return next();
    }
    const accounts = new KyselyAccountsStore(store.db);
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const found = match?.[1] ? await actorFromApiToken(accounts, match[1], now()) : null;
      if (!found) throw new CommandError({ code: 'UNAUTHENTICATED', message: 'the API token is unknown or revoked' });
      c.set('auth', { actor: found.actor, user: found.user, via: 'token', csrfToken: null });
      return next();
    }
    const session = await actorFromSession(accounts, cookie, now());
    c.set('auth', session.user ? { actor: session.actor, user: session.user, via: 'session', csrfToken: session.csrfToken } : { actor: ANONYMOUS, user: null, via: 'none', csrfToken: null });
    return next();
  };
}
