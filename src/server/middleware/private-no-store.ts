import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';

/**
 * `Cache-Control: private, no-store` on every response that may carry private data or a CSRF
 * token (RFC 9111 §5.2.2.5: no cache, shared or private, may keep it): any response to a
 * signed-in request (pages with forms and their `_csrf` field, `/api/v1/session` with the token,
 * staff queues, API responses to a bearer token) and any response that sets a cookie (the
 * session routes set it with the cookie). Routes
 * that carry a secret to an anonymous reader (a password-reset link) set it themselves.
 *
 * @example
 * app.use('*', privateNoStore());
 */
export function privateNoStore(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    // No auth state means the request failed before authentication: nobody is signed in. A
    // response that sets or clears the session cookie says so itself (`startSession`,
    // `endSession`): reading this response's headers would copy it.
    if (c.get('auth')?.user) c.header('cache-control', 'private, no-store');
  };
}
