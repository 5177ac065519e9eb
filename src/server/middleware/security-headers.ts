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
    const nonce = nonces.next();
    c.set('cspNonce', nonce);
    // Set before the route answers, so they go out with the response the route creates; setting
    // them afterwards would copy the finished response once per header. A route may replace one
    // (a page holding a secret in its address sets a stricter Referrer-Policy).
    c.header('content-security-policy', `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'`);
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'strict-origin-when-cross-origin');
    c.header('x-frame-options', 'DENY');
    c.header('cross-origin-opener-policy', 'same-origin');
    if (servedOverTls(c)) c.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    await next();
  };
}

/**
 * CSP nonces (16 random bytes, base64) cut from a block drawn from the CSPRNG 4 KiB at a time,
 * rather than one system call per response.
 */
class NonceSource {
  #block = Buffer.alloc(0);
  #offset = 0;

  next(): string {
    if (this.#offset + 16 > this.#block.length) {
      this.#block = randomBytes(4096);
      this.#offset = 0;
    }
    const nonce = this.#block.toString('base64', this.#offset, this.#offset + 16);
    this.#offset += 16;
    return nonce;
  }
}

const nonces = new NonceSource();
