import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { servedOverTls } from '../client-address.js';

/**
 * Headers every response carries. The Content-Security-Policy allows scripts and styles from this
 * origin only (plus a per-response nonce), no framing, no plugins: even if escaping ever failed,
 * injected markup could not run script. Over TLS (directly, or at a proxy the configuration
 * trusts) HSTS tells browsers to use HTTPS only for a year (RFC 6797 §6.1); over plain HTTP it
 * would be ignored (§8.1) and is not sent.
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const nonce = randomBytes(16).toString('base64');
    c.set('cspNonce', nonce);
    await next();
    c.header('content-security-policy', `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'`);
    c.header('x-content-type-options', 'nosniff');
    // A page holding a secret in its address (a reset link) sets a stricter policy of its own.
    if (!c.res.headers.has('referrer-policy')) c.header('referrer-policy', 'strict-origin-when-cross-origin');
    c.header('x-frame-options', 'DENY');
    c.header('cross-origin-opener-policy', 'same-origin');
    if (servedOverTls(c)) c.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  };
}
