/**
 * One limit: at most `limit` hits per fixed window of `windowMs` for a client in a bucket. Each
 * bucket counts on its own, so a flood of tips from an address cannot use up that address's
 * sign-in attempts, nor a scraper's searches its exports.
 */
export interface RateLimitRule {
  readonly bucket: string;
  readonly limit: number;
  readonly windowMs: number;
}

/** A client's count in the current window, and when that window ends (ms since the epoch). */
export interface RateLimitCount {
  readonly hits: number;
  readonly windowEndsAt: number;
}

/**
 * Where counts are kept. The database implementation (`store/rate-limits`) is shared by every
 * process serving one database, so limits hold across processes.
 *
 * @example
 * const { hits } = await limiter.hit({ bucket: 'search', limit: 120, windowMs: 60_000 }, '203.0.113.9', Date.now());
 */
export interface RateLimiter {
  /** Counts one hit and returns the count including it. */
  hit(rule: RateLimitRule, clientKey: string, now: number): Promise<RateLimitCount>;
  /** The count so far, without adding to it. */
  peek(rule: RateLimitRule, clientKey: string, now: number): Promise<RateLimitCount>;
}

/** The start of the fixed window `now` falls in. */
export function windowStart(rule: RateLimitRule, now: number): number {
  return Math.floor(now / rule.windowMs) * rule.windowMs;
}

/** Whole seconds until the window ends, at least 1: the `Retry-After` value (RFC 9110 §10.2.3). */
export function retryAfterSeconds(count: RateLimitCount, now: number): number {
  return Math.max(1, Math.ceil((count.windowEndsAt - now) / 1000));
}
