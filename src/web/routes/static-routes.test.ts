import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import type { AppEnv } from '../../server/app-env.js';
import { staticRoot, staticUrl } from '../components/static-asset.js';

describeEachBackend('static files', (getStore) => {
  let app: Hono<AppEnv>;
  beforeAll(() => {
    app = createCountersignApp({ store: getStore() });
  });

  it('serves the stylesheet from the source tree with its content type and a year-long cache when versioned', async () => {
    const res = await app.request(`http://localhost${staticUrl('site.css')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe(readFileSync(join(staticRoot(), 'site.css'), 'utf8'));
  });

  it('serves scripts as JavaScript and revalidates unversioned requests by ETag', async () => {
    const res = await app.request('http://localhost/static/verify-inclusion.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    const etag = res.headers.get('etag') ?? '';
    const again = await app.request('http://localhost/static/verify-inclusion.js', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('serves nothing outside the folder, hidden, or of an unknown type', async () => {
    for (const path of ['/static/../package.json', '/static/%2e%2e/package.json', '/static/..%2fpackage.json', '/static/.hidden.css', '/static/verify-inclusion.test.ts', '/static/nope.css']) {
      const res = await app.request(`http://localhost${path}`);
      expect(res.status, path).toBe(404);
    }
  });
});
