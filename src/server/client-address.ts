import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from './app-env.js';

/**
 * Who is asking, for per-client limits: the socket's remote address, or — behind a trusted reverse
 * proxy — the address the proxy appended last to `X-Forwarded-For` (earlier entries were written
 * by the client and prove nothing). `app.request()` in tests has no socket: `local`.
 *
 * @example
 * const client = clientAddress(c); // '203.0.113.9'
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.get('settings')?.behindProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded?.split(',').map((part) => part.trim()).filter((part) => part !== '').pop();
    if (last !== undefined) return last.slice(0, 100);
  }
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

/**
 * Whether the request reached us over TLS: directly, or at a trusted proxy that says so.
 *
 * @example
 * if (servedOverTls(c)) c.header('strict-transport-security', 'max-age=31536000');
 */
export function servedOverTls(c: Context<AppEnv>): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return c.get('settings')?.behindProxy === true && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}
