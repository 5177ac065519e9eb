import type { Context } from 'hono';
import { CommandError } from '../core/command-error.js';
import { DatabaseRateLimiter } from '../store/rate-limits/database-rate-limiter.js';
import type { Store } from '../store/store.js';
import type { AppEnv } from './app-env.js';
import { refuseOverLimit } from './middleware/rate-limit.js';

/**
 * Runs a sign-in attempt under the per-account throttle: once an account has had
 * `loginFailuresPerAccount.limit` failed attempts in the window — from any number of addresses —
 * further attempts are refused with 429 before the password is even checked, until the window
 * ends (OWASP Authentication Cheat Sheet, "Login Throttling"). Only failures count, so the
 * owner signing in often is never throttled; unknown usernames count like known ones, so the
 * throttle does not reveal which exist. This bucket is separate from the per-address one and
 * from tips: a flood of tips cannot lock anyone out of signing in.
 *
 * @example
 * const session = await throttledSignIn(c, store, now, username, () => logIn(accounts, username, password, now()));
 */
export async function throttledSignIn<T>(c: Context<AppEnv>, store: Store, now: () => Date, username: string, attempt: () => Promise<T>): Promise<T> {
  const limiter = new DatabaseRateLimiter(store.db, store.sqlite);
  const rule = c.get('settings').rateLimits.loginFailuresPerAccount;
  const account = `account:${username.trim().toLowerCase()}`;
  const at = now().getTime();
  const failures = await limiter.peek(rule, account, at);
  // One more than the failures so far: the attempt about to be made must fit within the limit.
  refuseOverLimit(c, rule, { hits: failures.hits + 1, windowEndsAt: failures.windowEndsAt }, at);
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof CommandError && error.code === 'UNAUTHENTICATED') await limiter.hit(rule, account, at);
    throw error;
  }
}
