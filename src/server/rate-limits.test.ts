import type { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachBackend } from '../../test/support/test-store.js';
import { createUser, TEST_PASSWORD } from '../../test/support/test-app.js';
import { DatabaseRateLimiter } from '../store/rate-limits/database-rate-limiter.js';
import type { AppEnv } from './app-env.js';
import { createCountersignApp } from '../app/create-countersign-app.js';
import { createApp } from './create-app.js';
import { DEFAULT_RATE_LIMITS, serverSettings } from './server-settings.js';

/** A request from a given client address, as a trusted proxy reports it. */
async function from(app: Hono<AppEnv>, address: string, path: string, json?: unknown): Promise<Response> {
  return app.request(`http://localhost${path}`, {
    method: json === undefined ? 'GET' : 'POST',
    headers: { 'x-forwarded-for': address, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
}

const DAY = 24 * 3600 * 1000;
const TIP = { subject: 'A new contract', body: 'Agency X bought a licence from vendor Y.' };

describeEachBackend('rate limits', (getStore) => {
  const settings = serverSettings({
    behindProxy: true,
    rateLimits: {
      ...DEFAULT_RATE_LIMITS,
      // Day-long windows, so that no window ends half-way through a test.
      tips: { ...DEFAULT_RATE_LIMITS.tips, windowMs: DAY },
      loginFailuresPerAccount: { bucket: 'login-account', limit: 3, windowMs: DAY },
      search: { bucket: 'search', limit: 3, windowMs: DAY },
      logPages: { bucket: 'log-pages', limit: 2, windowMs: DAY },
      exports: { bucket: 'exports', limit: 2, windowMs: DAY },
    },
  });
  let app: Hono<AppEnv>;
  beforeAll(async () => {
    app = createCountersignApp({ store: getStore(), settings });
    await createUser(getStore(), 'ana', 'analyst');
    await createUser(getStore(), 'olga', 'analyst');
  });

  it('keeps tips and sign-ins in separate buckets: a flood of tips does not stop the address signing in', async () => {
    // As many tips as the default allows (20, once the shared limit of sign-ins and tips).
    for (let i = 0; i < DEFAULT_RATE_LIMITS.tips.limit; i += 1) expect((await from(app, '198.51.100.1', '/api/v1/tips', TIP)).status).toBe(201);
    const refused = await from(app, '198.51.100.1', '/api/v1/tips', TIP);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await from(app, '198.51.100.1', '/api/v1/session', { username: 'ana', password: TEST_PASSWORD })).status).toBe(200);
  });

  it('throttles an account after failed sign-ins from any address: the right password from the next address is refused too', async () => {
    for (let i = 0; i < 3; i += 1) expect((await from(app, `203.0.113.${i}`, '/api/v1/session', { username: 'olga', password: `wrong guess ${i}` })).status).toBe(401);
    const next = await from(app, '203.0.113.99', '/api/v1/session', { username: 'olga', password: TEST_PASSWORD });
    expect(next.status).toBe(429);
    expect(Number(next.headers.get('retry-after'))).toBeGreaterThan(60);
    // Another account is not affected.
    expect((await from(app, '203.0.113.99', '/api/v1/session', { username: 'ana', password: TEST_PASSWORD })).status).toBe(200);
  });

  it('throttles the portal form the same way, with the form and a message', async () => {
    const res = await app.request('http://localhost/login', {
      method: 'POST',
      headers: { 'x-forwarded-for': '203.0.113.100', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'olga', password: TEST_PASSWORD }).toString(),
    });
    expect(res.status).toBe(429);
  });

  it('limits searches, log pages and exports per client, and each client on its own', async () => {
    for (let i = 0; i < 3; i += 1) expect((await from(app, '192.0.2.1', '/api/v1/search?q=paragon')).status).toBe(200);
    const refused = await from(app, '192.0.2.1', '/api/v1/search?q=paragon');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await from(app, '192.0.2.2', '/api/v1/search?q=paragon')).status).toBe(200);

    expect((await from(app, '192.0.2.1', '/api/v1/log/entries')).status).not.toBe(429);
    expect((await from(app, '192.0.2.1', '/api/v1/log/entries')).status).not.toBe(429);
    expect((await from(app, '192.0.2.1', '/api/v1/log/entries')).status).toBe(429);

    for (let i = 0; i < 2; i += 1) {
      const res = await from(app, '192.0.2.1', '/api/v1/export?format=ndjson&type=organizations');
      expect(res.status).toBe(200);
      await res.text();
    }
    expect((await from(app, '192.0.2.1', '/api/v1/export?format=ndjson&type=organizations')).status).toBe(429);
  });

  it('keeps counts in the database: a second app over the same database sees the first one\'s', async () => {
    for (let i = 0; i < DEFAULT_RATE_LIMITS.tips.limit; i += 1) expect((await from(app, '198.51.100.7', '/api/v1/tips', TIP)).status).toBe(201);
    const other = createApp({ store: getStore(), settings });
    expect((await from(other, '198.51.100.7', '/api/v1/tips', TIP)).status).toBe(429);
    expect((await from(other, '192.0.2.1', '/api/v1/search?q=paragon')).status).toBe(429);
  });
});

describeEachBackend('DatabaseRateLimiter', (getStore) => {
  describe('fixed windows', () => {
    it('counts hits in a window, starts again in the next, and peeks without counting', async () => {
      const limiter = new DatabaseRateLimiter(getStore().db, getStore().sqlite);
      const rule = { bucket: 'unit', limit: 2, windowMs: 1000 };
      const t = 1_700_000_000_000;
      expect((await limiter.hit(rule, 'k', t)).hits).toBe(1);
      expect((await limiter.hit(rule, 'k', t + 10)).hits).toBe(2);
      expect(await limiter.peek(rule, 'k', t + 20)).toEqual({ hits: 2, windowEndsAt: t + 1000 });
      expect((await limiter.hit(rule, 'other', t + 20)).hits).toBe(1);
      expect((await limiter.hit(rule, 'k', t + 1000)).hits).toBe(1);
      expect((await limiter.peek(rule, 'k', t + 2000)).hits).toBe(0);
      // On SQLite the count is written without an fsync; the connection is back to full fsync after.
      if (getStore().sqlite) expect(getStore().sqlite?.pragma('synchronous', { simple: true })).toBe(2);
    });

    it('adds a batch of hits at once, and a batch opens a new window with its own size', async () => {
      const limiter = new DatabaseRateLimiter(getStore().db, getStore().sqlite);
      const rule = { bucket: 'batch', limit: 100, windowMs: 1000 };
      const t = 1_700_000_000_000;
      expect(await limiter.add(rule, 'k', t, 5)).toEqual({ hits: 5, windowEndsAt: t + 1000 });
      expect((await limiter.add(rule, 'k', t + 1, 3)).hits).toBe(8);
      expect((await limiter.hit(rule, 'k', t + 2)).hits).toBe(9);
      expect((await limiter.add(rule, 'k', t + 1000, 4)).hits).toBe(4);
    });

    it('counts concurrent hits exactly', async () => {
      const limiter = new DatabaseRateLimiter(getStore().db, getStore().sqlite);
      const rule = { bucket: 'concurrent', limit: 100, windowMs: 60_000 };
      const t = 1_700_000_000_000;
      const counts = await Promise.all(Array.from({ length: 20 }, () => limiter.hit(rule, 'k', t)));
      expect(counts.map((c) => c.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });
  });
});
