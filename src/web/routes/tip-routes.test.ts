import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { createUser, TEST_PASSWORD } from '../../../test/support/test-app.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import type { AppEnv } from '../../server/app-env.js';
import { PortalClient } from '../testing/portal-client.js';

const TIP = { subject: 'New ICE contract', body: 'ICE signed a second contract with a spyware vendor; the award notice is public.', sourceUrl: 'https://www.usaspending.gov/', contact: '' };

describeEachBackend('tip form and tip queue', (getStore) => {
  let app: Hono<AppEnv>;
  beforeAll(async () => {
    app = createCountersignApp({ store: getStore() });
    await createUser(getStore(), 'ana', 'analyst');
    await createUser(getStore(), 'connie', 'contributor');
  });

  it('lets anyone send a tip with a labelled form and shows a receipt without the content', async () => {
    const reader = new PortalClient(app);
    const form = await reader.get('/tips/new');
    expect(form.status).toBe(200);
    for (const field of ['subject', 'body', 'sourceUrl', 'contact']) expect(form.text).toContain(`<label for="tip-${field}">`);
    const res = await reader.postForm('/tips/new', TIP);
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    // The receipt's address is a random token, not the tip id the public log shows.
    expect(location).toMatch(/^\/tips\/receipt\/r_[A-Za-z0-9_-]{43}$/);
    const receipt = await reader.get(location);
    expect(receipt.status).toBe(200);
    expect(receipt.text).toContain('Tip received');
    expect(receipt.text).not.toContain('second contract');
    const [tip] = await getStore().db.selectFrom('tips').select('id').orderBy('submittedAt', 'desc').limit(1).execute();
    expect(location).not.toContain(tip?.id ?? 'no tip');
    expect((await reader.get(`/tips/receipt/${tip?.id ?? ''}`)).status).toBe(404);
  });

  it('shows the form again with what was wrong and what was typed', async () => {
    const res = await new PortalClient(app).postForm('/tips/new', { subject: 'x', body: 'short', sourceUrl: 'javascript:alert(1)', contact: '' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('The tip was not sent.');
    expect(res.text).toContain('id="tip-subject-error"');
    expect(res.text).toContain('id="tip-sourceUrl-error"');
    expect(res.text).toContain('value="javascript:alert(1)"');
    expect(res.text).toContain('aria-invalid="true"');
  });

  it('keeps the queue to analysts and lets them accept or dismiss a tip', async () => {
    expect((await new PortalClient(app).get('/tips')).status).toBe(401);
    const contributor = new PortalClient(app);
    await contributor.signIn('connie', TEST_PASSWORD);
    expect((await contributor.get('/tips')).status).toBe(403);

    const analyst = new PortalClient(app);
    await analyst.signIn('ana', TEST_PASSWORD);
    const queue = await analyst.get('/tips');
    expect(queue.status).toBe(200);
    expect(queue.text).toContain('<h2>New ICE contract</h2>');
    const id = /action="\/tips\/([0-9a-f-]{36})\/moderation"/.exec(queue.text)?.[1] ?? '';
    expect(id).not.toBe('');
    expect((await analyst.postForm(`/tips/${id}/moderation`, { decision: 'accepted' }, { withCsrf: false })).status).toBe(403);
    const res = await analyst.postForm(`/tips/${id}/moderation`, { decision: 'accepted', note: 'worth a proposal' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/tips?done=accepted');
    expect((await analyst.get('/tips')).text).not.toContain('New ICE contract');
    const accepted = await analyst.get('/tips?status=accepted');
    expect(accepted.text).toContain('New ICE contract');
    expect(accepted.text).toContain('worth a proposal');
    expect((await analyst.postForm(`/tips/${id}/moderation`, { decision: 'dismissed' })).status).toBe(409);
  });
});
