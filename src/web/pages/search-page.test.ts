import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { loadBundledDataset } from '../../../test/support/bundled-dataset.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import type { AppEnv } from '../../server/app-env.js';
import { PortalClient } from '../testing/portal-client.js';

function resultLinks(text: string): string[] {
  return [...text.matchAll(/<a class="result-name" href="([^"]+)">/g)].map((m) => m[1] ?? '');
}

describeEachBackend('search page', (getStore) => {
  let app: Hono<AppEnv>;
  beforeAll(async () => {
    await loadBundledDataset(getStore());
    app = createCountersignApp({ store: getStore() });
  });

  it('finds Candiru by its former company name Saito Tech, and says which alias matched', async () => {
    const page = await new PortalClient(app).get('/search?q=saito+tech');
    expect(page.status).toBe(200);
    expect(resultLinks(page.text)[0]).toBe('/organizations/candiru');
    expect(page.text).toContain('>Candiru</a>');
    expect(page.text).toContain('matched alias “Saito Tech Ltd.”');
    expect(page.text).toContain('value="saito tech"');
  });

  it('offers facets as links that filter, keep the query, and can be removed', async () => {
    const page = await new PortalClient(app).get('/search?q=paragon');
    expect(resultLinks(page.text).slice(0, 2)).toEqual(['/organizations/paragon-solutions-us', '/organizations/paragon-solutions']);
    expect(page.text).toContain('href="/search?q=paragon&amp;type=organization"');
    const filtered = await new PortalClient(app).get('/search?q=paragon&type=incident');
    expect(resultLinks(filtered.text).sort()).toEqual(['/incidents/graphite-italy-2025', '/incidents/graphite-whatsapp-2025']);
    expect(filtered.text).toMatch(/<strong>Incident<\/strong> \(2\) <a href="\/search\?q=paragon"/);
    const byAuthority = await new PortalClient(app).get('/search?authority=US-OFAC&type=person');
    expect(resultLinks(byAuthority.text)).toContain('/people/tal-dilian');
    expect(byAuthority.text).toMatch(/7 records/);
  });

  it('pages through results with previous and next links', async () => {
    const first = await new PortalClient(app).get('/search');
    expect(resultLinks(first.text)).toHaveLength(20);
    expect(first.text).toMatch(/1–20 of \d+/);
    expect(first.text).toContain('rel="next" href="/search?offset=20"');
    const second = await new PortalClient(app).get('/search?offset=20');
    expect(second.text).toContain('rel="prev" href="/search"');
    expect(resultLinks(second.text)[0]).not.toBe(resultLinks(first.text)[0]);
  });

  it('answers a malformed filter with the 400 page', async () => {
    const page = await new PortalClient(app).get('/search?q=x&type=spaceship');
    expect(page.status).toBe(400);
    expect(page.text).toContain('<h1>The request is not valid</h1>');
    expect(page.text).toContain('<code>type</code>');
  });
});
