import type { Context, MiddlewareHandler } from 'hono';
import { CommandError } from '../../core/command-error.js';
import { retryAfterSeconds, type RateLimiter, type RateLimitRule } from '../../core/rate-limiter.js';
import type { AppEnv } from '../app-env.js';
import { clientAddress } from '../client-address.js';
import type { RateLimits } from '../server-settings.js';

/**
 * Refuses with 429 and `Retry-After` (RFC 6585 §4) once `count` is past the rule's limit.
 *
 * @example
 * refuseOverLimit(c, rule, await limiter.hit(rule, key, Date.now()), Date.now());
 */
export function refuseOverLimit(c: Context<AppEnv>, rule: RateLimitRule, count: { hits: number; windowEndsAt: number }, now: number): void {
  if (count.hits <= rule.limit) return;
  c.header('retry-after', String(retryAfterSeconds(count, now)));
  throw new CommandError({ code: 'RATE_LIMITED', message: `at most ${rule.limit} requests per ${rule.windowMs / 1000} s in "${rule.bucket}"; try again later` });
}

/**
 * Who a limit counts against: the signed-in user (wherever they connect from), otherwise the
 * client address (`clientAddress`: the socket, or a trusted proxy's X-Forwarded-For).
 */
export function rateLimitKey(c: Context<AppEnv>): string {
  const user = c.get('auth')?.user;
  return user ? `user:${user.id}` : `address:${clientAddress(c)}`;
}

/**
 * A fixed-window limit per client in one bucket, for the requests with the given methods. Counts
 * live in the database (`DatabaseRateLimiter`), so every process serving one database enforces
 * the same limit. The rule is read from the request's settings, so configuration changes it.
 *
 * @example
 * app.use('/api/v1/search', rateLimit(limiter, (limits) => limits.search, ['GET']));
 */
export function rateLimit(limiter: RateLimiter, pick: (limits: RateLimits) => RateLimitRule, methods: readonly string[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!methods.includes(c.req.method)) return next();
    const rule = pick(c.get('settings').rateLimits);
    const now = Date.now();
    refuseOverLimit(c, rule, await limiter.hit(rule, rateLimitKey(c), now), now);
    return next();
  };
}
