import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { CommandError } from '../../core/command-error.js';
import type { AppEnv } from '../app-env.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Whether a request's `Origin` is this site: the public URL's origin, or the request's own origin as a fallback for local use. */
function sameOrigin(c: Context<AppEnv>, origin: string): boolean {
  if (origin === 'null') return false;
  let sent: URL;
  try {
    sent = new URL(origin);
  } catch {
    return false;
  }
  const publicUrl = c.get('settings').publicUrl;
  if (sent.origin === publicUrl.origin) return true;
  // Direct requests to a development server on another port or name than the configured one.
  const host = c.req.header('host');
  return LOCAL_NAMES.has(sent.hostname) && host !== undefined && sent.host === host;
}

const LOCAL_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Cross-site request forgery protection for cookie-authenticated writes (OWASP CSRF Cheat Sheet):
 * a synchronizer token — the session's CSRF token, sent as the `X-CSRF-Token` header or a form's
 * `_csrf` field — plus a same-origin check whenever the browser sends `Origin`, against the
 * configured public URL (the Host header is the client's to choose) or, when none is configured
 * for a request to localhost, the Host. `Origin: null` is refused: browsers send it from sandboxed
 * frames, `data:` documents and cross-origin redirects, never from this site's own forms — and
 * it is what a login-CSRF page sends (issue #12: `POST /login` with `Origin: null` signed in).
 * Bearer-token requests carry no ambient credentials and are exempt from the token.
 */
export function csrfProtection(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin !== undefined && !sameOrigin(c, origin)) throw new CommandError({ code: 'FORBIDDEN', message: 'cross-origin write refused' });
    const auth = c.get('auth');
    if (auth.via !== 'session') return next();
    let sent = c.req.header('x-csrf-token');
    const contentType = c.req.header('content-type') ?? '';
    // Forms send the token as a field: plain forms url-encoded, upload forms as multipart.
    if (sent === undefined && (contentType.startsWith('application/x-www-form-urlencoded') || contentType.startsWith('multipart/form-data'))) {
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
