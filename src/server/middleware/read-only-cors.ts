import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';

/** Paths whose GET answers are public data any web page may read: the API and the C2SP log files. */
const PUBLIC_READS = [/^\/api\/v1\//, /^\/log\/(?:checkpoint|key|tile\/)/];

/** API paths bound to who is asking (signing in, tokens): never readable from another origin. */
const SESSION_BOUND = [/^\/api\/v1\/session(?:\/|$)/, /^\/api\/v1\/tokens(?:\/|$)/];

/**
 * `Access-Control-Allow-Origin: *` (Fetch standard, CORS protocol) on anonymous GET and HEAD
 * answers of the read-only API and the log's tiles, checkpoint and key, so a newsroom's page or an
 * independent verifier running in a browser can read them. Writes get no CORS header, nor do the
 * session and token endpoints, nor any request that carries a session cookie or a bearer token:
 * its answer may depend on who asked. (`*` never lets a browser send credentials anyway.)
 *
 * @example
 * app.use('*', readOnlyCors());
 */
export function readOnlyCors(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD') return;
    const path = new URL(c.req.url).pathname;
    if (!PUBLIC_READS.some((p) => p.test(path)) || SESSION_BOUND.some((p) => p.test(path))) return;
    if (c.get('auth').via !== 'none') return;
    c.header('access-control-allow-origin', '*');
  };
}
