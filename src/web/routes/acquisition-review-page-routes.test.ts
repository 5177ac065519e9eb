import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { grantRole } from '../../accounts/commands/grant-role.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import { loadBundledOversight } from '../../app/load-bundled-oversight.js';
import type { AppEnv } from '../../server/app-env.js';
import { loadBundledDataset } from '../../../test/support/bundled-dataset.js';
import { SYSTEM_CONTEXT } from '../../../test/support/contexts.js';
import { givenGraphiteWorld } from '../../../test/support/oversight-factories.js';
import { createUser, TEST_PASSWORD } from '../../../test/support/test-app.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { PortalClient } from '../testing/portal-client.js';

describeEachBackend('acquisition review pages', (getStore) => {
  let app: Hono<AppEnv>;
  let w: Awaited<ReturnType<typeof givenGraphiteWorld>>;
  beforeAll(async () => {
    const store = getStore();
    await loadBundledDataset(store);
    await loadBundledOversight(store);
    app = createCountersignApp({ store, now: () => new Date('2026-11-23T10:00:00Z'), logEntriesFor: async () => [{ index: 7, type: 'oversight.review.opened', time: '2026-11-23T10:00:00Z', href: '/log/entries/7' }] });
    w = await givenGraphiteWorld(store);
    for (const [username, role] of [['olivia', 'officer'], ['cora', 'certifying-official']] as const) {
      await createUser(store, username, 'contributor');
      await store.transaction((tx) => grantRole({ ctx: SYSTEM_CONTEXT, grant: { username, role, scope: `agency:${w.agency}` }, scopeExists: async () => true }, tx));
    }
  });

  it('shows the ICE–Paragon case: steps not on the public record, the stop-work order and its lifting with sources, evidence linked, log entries to verify', async () => {
    const page = await new PortalClient(app).get('/acquisition-reviews/ice-paragon-graphite-2024');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Acquisition review: Graphite for U.S. Immigration and Customs Enforcement');
    expect(page.text).toContain('Not on the public record');
    expect(page.text).toMatch(/Ordered 8 October 2024[^]*Lifted September 2025/);
    expect(page.text).toContain('href="/incidents/graphite-italy-2025"');
    expect(page.text).toContain('href="/sources/msnbc-2025-09"');
    expect(page.text).toContain('Transparency log entries');
    expect(page.text).not.toContain('Record a step');
    const list = await new PortalClient(app).get('/acquisition-reviews?agency=ice');
    expect(list.text).toContain('href="/acquisition-reviews/ice-paragon-graphite-2024"');
    expect(list.text).toContain('Under review');
  });

  it('lets an officer open a review and take each step through plain forms; the certifying official determines', async () => {
    const officer = new PortalClient(app);
    await officer.signIn('olivia', TEST_PASSWORD);
    const listPage = await officer.get('/acquisition-reviews');
    expect(listPage.text).toContain('Open an acquisition review');
    expect(listPage.text).toContain(`<option value="${w.product}">Graphite</option>`);
    const opened = await officer.postForm('/acquisition-reviews', { agency: w.agency, product: w.product, vendor: w.vendor, purpose: 'Serious crime', uses: 'Phone extraction under warrant\nCloud backups', requestedStart: '2027-01-01' });
    expect(opened.status).toBe(303);
    const path = (opened.headers.get('location') ?? '').split('?')[0] ?? '';
    const page = await officer.get(path);
    for (const form of ['answer-factor', 'procurement', 'notice', 'consent', 'stop-work', 'exemption', 'waiver']) expect(page.text).toContain(`${path}/steps/${form}"`);
    expect(page.text).not.toContain('/steps/determine"');
    expect(page.text).toContain('Phone extraction under warrant');

    expect((await officer.postForm(`${path}/steps/answer-factor`, { factor: 'counterintelligence', presence: 'absent', answer: 'No foreign control found.', evidence: `source:${w.source}` })).status).toBe(303);
    expect((await officer.postForm(`${path}/steps/procurement`, { step: 'due-diligence', on: '2026-11-20', note: '', evidence: '' })).status).toBe(303);
    expect((await officer.postForm(`${path}/steps/stop-work`, { reason: 'compliance check', orderedOn: '' }, { withCsrf: false })).status).toBe(403);

    const cora = new PortalClient(app);
    await cora.signIn('cora', TEST_PASSWORD);
    expect((await cora.get(path)).text).toContain('/steps/determine"');
    const refused = await cora.postForm(`${path}/steps/determine`, { decision: 'approve', justification: '', conditions: '' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('justification');
    expect((await cora.postForm(`${path}/steps/determine`, { decision: 'approve', justification: 'Warrant-only use.', conditions: '' })).status).toBe(303);
    expect((await officer.postForm(`${path}/steps/notice`, { notifiedAt: '2026-11-20', note: '', evidence: '' })).status).toBe(303);
    const after = await new PortalClient(app).get(path);
    expect(after.text).toContain('Status: <strong>Approved</strong>');
    expect(after.text).toContain('Justification: Warrant-only use.');
    expect(after.text).toContain('27 November 2026');
    expect(after.text).toMatch(/Operational use may start \(7 calendar days after the notice to the APNSA\)<\/td><td>27 November 2026<\/td><td>Running/);
    expect(after.text).toContain('No foreign control found.');
  });

  it('renders hostile text inert on the case page, the list and the report', async () => {
    const hostile = '<script>alert(1)</script>"><img src=x onerror=alert(1)>';
    const officer = new PortalClient(app);
    await officer.signIn('olivia', TEST_PASSWORD);
    await officer.get('/acquisition-reviews');
    const opened = await officer.postForm('/acquisition-reviews', { agency: w.agency, product: w.product, vendor: w.vendor, purpose: hostile, uses: hostile, requestedStart: '2026-01-01' });
    const path = (opened.headers.get('location') ?? '').split('?')[0] ?? '';
    await officer.get(path);
    expect((await officer.postForm(`${path}/steps/stop-work`, { reason: hostile, orderedOn: '2026-02-01' })).status).toBe(303);
    for (const page of [path, '/acquisition-reviews', `/oversight/report?year=2026&agency=${w.agency}`]) {
      const text = (await new PortalClient(app).get(page)).text;
      expect(text, page).not.toContain('<script>alert(1)');
      expect(text, page).not.toContain('<img src=x');
    }
    expect((await new PortalClient(app).get(path)).text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('answers 404 for an unknown review and an unknown step', async () => {
    expect((await new PortalClient(app).get('/acquisition-reviews/nope')).status).toBe(404);
    const officer = new PortalClient(app);
    await officer.signIn('olivia', TEST_PASSWORD);
    await officer.get('/acquisition-reviews');
    expect((await officer.postForm('/acquisition-reviews/ice-paragon-graphite-2024/steps/explode', {})).status).toBe(404);
  });
});
