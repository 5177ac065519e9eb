import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { loadBundledDataset } from '../../../test/support/bundled-dataset.js';
import { createUser, signedInClient, TEST_PASSWORD } from '../../../test/support/test-app.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import type { AppEnv } from '../../server/app-env.js';
import { createdId, PortalClient } from '../testing/portal-client.js';

/** Every public page where the proposed organisation could show up. */
async function publicMentions(app: Hono<AppEnv>): Promise<string[]> {
  const reader = new PortalClient(app);
  const pages = ['/', '/search?q=memento', '/search?type=organization&offset=0', '/search?type=organization&offset=20', '/sources/citizenlab-2025-03-19', '/organizations/memento-labs', '/designations'];
  const found: string[] = [];
  for (const path of pages) if ((await reader.get(path)).text.includes('Memento Labs')) found.push(path);
  return found;
}

describeEachBackend('review queue', (getStore) => {
  let app: Hono<AppEnv>;
  let changeId: string;
  beforeAll(async () => {
    await loadBundledDataset(getStore());
    app = createCountersignApp({ store: getStore() });
    await createUser(getStore(), 'ana', 'analyst');
    await createUser(getStore(), 'eddie', 'editor');
    const analyst = await signedInClient(app, 'ana');
    const res = await analyst.request('/api/v1/changes', { json: { action: 'upsert', recordType: 'organization', record: { id: 'memento-labs', name: 'Memento Labs S.r.l.', kind: 'vendor', country: 'IT', sources: ['citizenlab-2025-03-19'] }, note: 'successor of Hacking Team' } });
    changeId = await createdId(res);
  });

  it('keeps a proposed change off every public page', async () => {
    expect(await publicMentions(app)).toEqual([]);
    expect((await new PortalClient(app).get('/organizations/memento-labs')).status).toBe(404);
  });

  it('asks anonymous readers to sign in', async () => {
    const page = await new PortalClient(app).get('/review');
    expect(page.status).toBe(401);
    expect(page.text).toContain('href="/login?next=%2Freview"');
  });

  it('shows analysts the queue read-only', async () => {
    const analyst = new PortalClient(app);
    await analyst.signIn('ana', TEST_PASSWORD);
    const page = await analyst.get('/review');
    expect(page.status).toBe(200);
    expect(page.text).toContain('New organization: Memento Labs S.r.l. <code>memento-labs</code>');
    expect(page.text).toContain('successor of Hacking Team');
    expect(page.text).not.toContain(`action="/review/${changeId}/accept"`);
    const forged = await analyst.postForm(`/review/${changeId}/accept`, {});
    expect(forged.status).toBe(403);
  });

  it('refuses an editor\'s accept without the CSRF token', async () => {
    const editor = new PortalClient(app);
    await editor.signIn('eddie', TEST_PASSWORD);
    const res = await editor.postForm(`/review/${changeId}/accept`, { note: 'checked' }, { withCsrf: false });
    expect(res.status).toBe(403);
    expect(await publicMentions(app)).toEqual([]);
  });

  it('publishes the change when an editor accepts it through the form', async () => {
    const editor = new PortalClient(app);
    await editor.signIn('eddie', TEST_PASSWORD);
    const queue = await editor.get('/review');
    expect(queue.text).toContain(`<form method="post" action="/review/${changeId}/accept" class="review-form">`);
    expect(queue.text).toContain(`<label for="accept-note-${changeId}">`);
    const res = await editor.postForm(`/review/${changeId}/accept`, { note: 'checked against the report' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/review?done=accepted');
    expect((await editor.get('/review?done=accepted')).text).toContain('The change was accepted and published.');
    const page = await new PortalClient(app).get('/organizations/memento-labs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Memento Labs S.r.l.');
    expect(page.text).toContain(changeId);
    expect(page.text).toContain('checked against the report');
    expect(await publicMentions(app)).toContain('/search?q=memento');
  });

  it('rejects a change through the form; it never reaches the public', async () => {
    const analyst = await signedInClient(app, 'ana');
    const res = await analyst.request('/api/v1/changes', { json: { action: 'upsert', recordType: 'organization', record: { id: 'rejected-vendor', name: 'Rejected Vendor Ltd.', kind: 'vendor', sources: ['citizenlab-2025-03-19'] } } });
    const id = await createdId(res);
    const editor = new PortalClient(app);
    await editor.signIn('eddie', TEST_PASSWORD);
    await editor.get('/review');
    expect((await editor.postForm(`/review/${id}/reject`, { note: 'no source says so' })).status).toBe(303);
    expect((await new PortalClient(app).get('/organizations/rejected-vendor')).status).toBe(404);
    expect((await editor.get('/review')).text).not.toContain('rejected-vendor');
  });

  it('publishes a proposed delisting on the timeline only once an editor accepts it', async () => {
    const analyst = await signedInClient(app, 'ana');
    const res = await analyst.request('/api/v1/changes', { json: { action: 'delist', designationId: 'positive-technologies--us-bis--entity-list--2021-11-03', delisted: '2026-04-01', reason: 'removed by final rule', sources: ['commerce-2021-11-03'] } });
    const id = await createdId(res);
    const timeline = async () => [...(await new PortalClient(app).get('/organizations/positive-technologies')).text.matchAll(/<li class="timeline-(listed|delisted)">/g)].map((m) => m[1]);
    expect(await timeline()).toEqual(['listed', 'listed']);
    const editor = new PortalClient(app);
    await editor.signIn('eddie', TEST_PASSWORD);
    const queue = await editor.get('/review');
    expect(queue.text).toContain('Delist <strong><a href="/organizations/positive-technologies">Positive Technologies</a></strong>');
    expect((await editor.postForm(`/review/${id}/accept`, {})).status).toBe(303);
    expect(await timeline()).toEqual(['listed', 'listed', 'delisted']);
  });
});
