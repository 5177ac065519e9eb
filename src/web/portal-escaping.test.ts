import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { loadBundledDataset } from '../../test/support/bundled-dataset.js';
import { createUser, signedInClient, TEST_PASSWORD } from '../../test/support/test-app.js';
import { describeEachBackend } from '../../test/support/test-store.js';
import { createCountersignApp } from '../app/create-countersign-app.js';
import type { AppEnv } from '../server/app-env.js';
import { ANONYMOUS } from '../accounts/actor.js';
import { sourcePage } from './pages/source-page.js';
import { createdId, PortalClient } from './testing/portal-client.js';

const SCRIPT = '<script>alert(1)</script>';
const ATTRIBUTE = '"><img src=x onerror=alert(1)>';

/** Markup an attacker would want on the page; none of it may appear unescaped. */
function expectInert(text: string): void {
  expect(text).not.toContain('<script>alert(1)');
  expect(text).not.toContain('<img src=x');
  expect(text).not.toMatch(/href="\s*javascript:/i);
  expect(text).not.toMatch(/<script\b/i);
}

describeEachBackend('escaping on portal pages', (getStore) => {
  let app: Hono<AppEnv>;
  beforeAll(async () => {
    await loadBundledDataset(getStore());
    app = createCountersignApp({ store: getStore() });
    await createUser(getStore(), 'ana', 'analyst');
    await createUser(getStore(), 'eddie', 'editor');
    const analyst = await signedInClient(app, 'ana');
    const editor = await signedInClient(app, 'eddie');
    const propose = async (proposal: unknown): Promise<void> => {
      const res = await analyst.request('/api/v1/changes', { json: proposal });
      if (res.status !== 201) throw new Error(await res.text());
      const id = await createdId(res);
      if ((await editor.request(`/api/v1/changes/${id}/accept`, { json: {} })).status !== 200) throw new Error('accept failed');
    };
    await propose({ action: 'upsert', recordType: 'source', record: { id: 'hostile-source', title: `Report ${SCRIPT}`, publisher: ATTRIBUTE, url: 'https://example.org/report' } });
    await propose({ action: 'upsert', recordType: 'organization', record: { id: 'hostile-org', name: SCRIPT, kind: 'vendor', aliases: [ATTRIBUTE], notes: `${SCRIPT} notes`, sources: ['hostile-source'] } });
    // The schemas accept only http(s) source URLs; a row written some other way must still render inert.
    await getStore().db.updateTable('sources').set({ url: 'javascript:alert(1)' }).where('id', '=', 'hostile-source').execute();
  });

  it('renders a record named <script>alert(1)</script> as text', async () => {
    const page = await new PortalClient(app).get('/organizations/hostile-org');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt; <span');
    expect(page.text).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; · Countersign</title>');
    expect(page.text).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expectInert(page.text);
  });

  it('never turns a javascript: source URL into a link', async () => {
    const citing = await new PortalClient(app).get('/organizations/hostile-org');
    expect(citing.text).toMatch(/<a href="\/sources\/hostile-source">Report &lt;script&gt;alert\(1\)&lt;\/script&gt;<\/a>, &quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;<\/li>/);
    expect(citing.text).not.toContain('>Original</a>');
    // The source's own page reads through the store, which refuses a row that breaks its schema.
    const stored = await new PortalClient(app).get('/sources/hostile-source');
    expect(stored.status).toBe(500);
    expectInert(stored.text);
    const frame = { auth: { actor: ANONYMOUS, user: null, via: 'none' as const, csrfToken: null }, path: '/sources/hostile-source' };
    const page = sourcePage(frame, { id: 'hostile-source', title: SCRIPT, url: 'javascript:alert(1)', status: 'reported' }, [], undefined).toString();
    expect(page).toContain('<span class="unsafe-url">javascript:alert(1)</span>');
    expectInert(page);
  });

  it('escapes search results, the review queue and the tip queue', async () => {
    expectInert((await new PortalClient(app).get(`/search?q=${encodeURIComponent(SCRIPT)}`)).text);
    expectInert((await new PortalClient(app).get('/search?q=script')).text);
    const analyst = await signedInClient(app, 'ana');
    await analyst.request('/api/v1/changes', { json: { action: 'upsert', recordType: 'organization', record: { id: 'hostile-two', name: SCRIPT, kind: 'vendor', sources: ['hostile-source'] } } });
    await new PortalClient(app).postForm('/tips/new', { subject: SCRIPT, body: `${ATTRIBUTE} and more text`, sourceUrl: 'https://example.org/?q="><script>' });
    const staff = new PortalClient(app);
    await staff.signIn('eddie', TEST_PASSWORD);
    const review = await staff.get('/review');
    expect(review.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expectInert(review.text);
    const tips = await staff.get('/tips');
    expect(tips.text).toContain('<h2>&lt;script&gt;alert(1)&lt;/script&gt;</h2>');
    expectInert(tips.text);
  });
});
