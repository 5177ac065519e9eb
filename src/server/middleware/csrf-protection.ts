import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { CommandError } from '../../core/command-error.js';
import type { AppEnv } from '../app-env.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Cross-site request forgery protection for cookie-authenticated writes (OWASP CSRF Cheat Sheet):
 * a synchronizer token — the session's CSRF token, sent as the `X-CSRF-Token` header or a form's
 * `_csrf` field — plus, as defence in depth, a same-origin check whenever the browser sends
 * `Origin`. Bearer-token requests carry no ambient credentials and are exempt from the token.
 */
export function csrfProtection(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== 'null') {
      const host = c.req.header('host');
      let originHost: string | undefined;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = undefined;
      }
      if (!host || originHost !== host) throw new CommandError({ code: 'FORBIDDEN', message: 'cross-origin write refused' });
    }
    const auth = c.get('auth');
    if (auth.via !== 'session') return next();
    let sent = c.req.header('x-csrf-token');
    if (sent === undefined && (c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) {
      const body = await c.req.parseBody();
      const field = body['_csrf'];
      sent = typeof field === 'string' ? field : undefined;
    }
    if (!sent || !auth.csrfToken || !sameToken(sent, auth.csrfToken)) {
      throw new CommandError({ code: 'FORBIDDEN', message: 'missing or wrong CSRF token (send X-CSRF-Token, or the form\'s _csrf field)' });
    }
    return next();
  };
}
