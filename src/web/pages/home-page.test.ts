import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { loadBundledDataset } from '../../../test/support/bundled-dataset.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import type { AppEnv } from '../../server/app-env.js';
import { PortalClient } from '../testing/portal-client.js';

describeEachBackend('home page', (getStore) => {
  let app: Hono<AppEnv>;
  beforeAll(async () => {
    await loadBundledDataset(getStore());
    app = createCountersignApp({ store: getStore() });
  });

  it('shows the counts, the latest designations, contract events and incidents', async () => {
    const page = await new PortalClient(app).get('/');
    expect(page.status).toBe(200);
    // The counts are the database's, whatever the bundled dataset holds today.
    const count = async (table: 'organizations' | 'designations') =>
      Number((await getStore().db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(page.text).toContain(`<strong>${await count('organizations')}</strong> organizations`);
    expect(page.text).toContain(`<strong>${await count('designations')}</strong> designations`);
    expect(page.text).toMatch(/<strong>1<\/strong> contract</);
    expect(page.text).toMatch(/datetime="2024-09-16">16 September 2024<\/time>/);
    expect(page.text).toMatch(/Stop-work order lifted<\/strong> of <a href="\/contracts\/70CTD024P00000012">/);
    expect(page.text).toContain('href="/incidents/graphite-italy-2025"');
    // Each count leads to its index (the sources tile to /sources, not an empty search).
    expect(page.text).toMatch(/<a href="\/sources"><strong>\d+<\/strong> sources<\/a>/);
    for (const index of ['/organizations', '/people', '/products', '/designations', '/incidents', '/contracts']) expect(page.text).toContain(`<a href="${index}"><strong>`);
    expect(page.text).not.toContain('/search?type=');
  });

  it('is a complete page: language, title, stylesheet, a search form that works without script', async () => {
    const page = await new PortalClient(app).get('/');
    expect(page.text).toMatch(/^<!doctype html>\s*<html lang="en">/);
    expect(page.text).toMatch(/<link rel="stylesheet" href="\/static\/site\.css\?v=[0-9a-f]{12}">/);
    expect(page.text).toContain('<form class="site-search" role="search" method="get" action="/search">');
    expect(page.text).toContain('<label for="site-search-q">');
    expect(page.text).not.toMatch(/<script|style=/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
