import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';

/** Paths whose GET answers are public data any web page may read: the API and the C2SP log files. */
const PUBLIC_READS = [/^\/api\/v1\//, /^\/log\/(?:checkpoint|key|tile\/)/];

/** API paths bound to who is asking (signing in, tokens): never readable from another origin. */
const SESSION_BOUND = [/^\/api\/v1\/session(?:\/|$)/, /^\/api\/v1\/tokens(?:\/|$)/];

/** Request headers a cross-origin read may carry (a preflight asks for them when a page sets them). */
const READ_HEADERS = 'accept, accept-language, if-none-match, if-modified-since, range';

/** A preflight (OPTIONS with Access-Control-Request-Method) for a read of a public path: 204 allowing GET and HEAD. */
function preflight(c: Parameters<MiddlewareHandler<AppEnv>>[0], path: string): Response | undefined {
  if (c.req.method !== 'OPTIONS') return undefined;
  const asked = c.req.header('access-control-request-method');
  if (asked === undefined) return undefined;
  if (!PUBLIC_READS.some((p) => p.test(path)) || SESSION_BOUND.some((p) => p.test(path))) return c.body(null, 204);
  // Only reads: for a write the preflight answers without CORS headers, so the browser refuses it.
  if (asked !== 'GET' && asked !== 'HEAD') return c.body(null, 204);
  return c.body(null, 204, {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, HEAD',
    'access-control-allow-headers': READ_HEADERS,
    'access-control-max-age': '86400',
  });
}

/**
 * `Access-Control-Allow-Origin: *` (Fetch standard, CORS protocol) on anonymous GET and HEAD
 * answers of the read-only API and the log's tiles, checkpoint and key, so a newsroom's page or an
 * independent verifier running in a browser can read them. Writes get no CORS header, nor do the
 * session and token endpoints, nor any request that carries a session cookie or a bearer token:
 * its answer may depend on who asked. (`*` never lets a browser send credentials anyway, and no
 * answer says `Access-Control-Allow-Credentials`.) A preflight (OPTIONS) for a GET or HEAD of
 * those paths is answered 204 allowing GET and HEAD with the usual read headers.
 *
 * @example
 * app.use('*', readOnlyCors());
 */
export function readOnlyCors(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const path = c.req.path;
    const answer = preflight(c, path);
    if (answer) return answer;
    const method = c.req.method;
    // Set before the route answers, so it goes out with whatever the route (or its error) creates.
    const shared = (method === 'GET' || method === 'HEAD') && c.get('auth').via === 'none' && PUBLIC_READS.some((p) => p.test(path)) && !SESSION_BOUND.some((p) => p.test(path));
    if (shared) c.header('access-control-allow-origin', '*');
    return next();
  };
}
