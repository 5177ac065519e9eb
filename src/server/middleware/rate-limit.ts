import type { MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { CommandError } from '../../core/command-error.js';
import type { AppEnv } from '../app-env.js';

/**
 * A fixed-window limit per client address for endpoints that invite abuse (log-in attempts,
 * anonymous tips). In memory, per process: enough for one instance; behind a load balancer the
 * proxy should limit too.
 */
export function rateLimit({ limit, windowMs }: { limit: number; windowMs: number }): MiddlewareHandler<AppEnv> {
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    let client = 'local';
    try {
      client = getConnInfo(c).remote.address ?? 'local';
    } catch {
      // app.request() in tests has no socket.
    }
    const now = Date.now();
    const window = windows.get(client);
    if (!window || now - window.start >= windowMs) {
      windows.set(client, { start: now, count: 1 });
      if (windows.size > 10_000) for (const [key, w] of windows) if (now - w.start >= windowMs) windows.delete(key);
      return next();
    }
    window.count += 1;
    if (window.count > limit) {
      c.header('retry-after', String(Math.ceil((window.start + windowMs - now) / 1000)));
      throw new CommandError({ code: 'RATE_LIMITED', message: `at most ${limit} requests per ${windowMs / 1000} s; try again later` });
    }
    return next();
  };
}
