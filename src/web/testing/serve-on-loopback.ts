import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AppEnv } from '../../server/app-env.js';

/**
 * Serves an app on 127.0.0.1 at a free port, for browser tests (never another interface).
 *
 * @example
 * const { origin, close } = await serveOnLoopback(app);
 */
export async function serveOnLoopback(app: Hono<AppEnv>): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the server has no port');
  return {
    origin: `http://127.0.0.1:${(address satisfies AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
