import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AppEnv } from '../app-env.js';
import { ApiRouter } from './api-router.js';

/** A router with one route answering `answer()` through a presenter that counts its runs. */
function routeAnswering(answer: () => unknown) {
  const app = new Hono<AppEnv>();
  const router = new ApiRouter(app);
  let presentations = 0;
  const presenter = z.object({ name: z.string() }).transform((value) => {
    presentations += 1;
    return value;
  });
  router.add({ method: 'get', path: '/thing', operationId: 'getThing', summary: 'A thing', tag: 'test', responses: { 200: { description: 'the thing', schema: presenter } } }, async (_c, { reply }) => reply(answer()));
  return { app, presentations: () => presentations };
}

describe('ApiRouter reply', () => {
  it('answers JSON through the presenter, dropping fields it does not name', async () => {
    const { app } = routeAnswering(() => ({ name: 'Intellexa S.A.', secret: 'sealed' }));
    const res = await app.request('http://localhost/api/v1/thing');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ name: 'Intellexa S.A.' });
  });

  it('presents a kept answer (the same object replied again) once, and a new object each time', async () => {
    const kept = { name: 'Paragon Solutions' };
    const cached = routeAnswering(() => kept);
    for (let i = 0; i < 3; i += 1) expect(await (await cached.app.request('http://localhost/api/v1/thing')).json()).toEqual({ name: 'Paragon Solutions' });
    expect(cached.presentations()).toBe(1);

    const fresh = routeAnswering(() => ({ name: 'Paragon Solutions' }));
    for (let i = 0; i < 3; i += 1) await (await fresh.app.request('http://localhost/api/v1/thing')).arrayBuffer();
    expect(fresh.presentations()).toBe(3);
  });

  it('refuses to send what the presenter cannot present (a programming error, not a leak)', async () => {
    const app = routeAnswering(() => ({ title: 'no name' })).app;
    app.onError((error, c) => c.text(error.constructor.name, 500));
    const res = await app.request('http://localhost/api/v1/thing');
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('PresenterError');
  });
});
