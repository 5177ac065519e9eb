import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import { recordScreenedTransactions } from '../../procurement/alerts/record-screened-transactions.js';
import { aScreenedTransaction } from '../../procurement/testing/screened-transaction-factory.js';
import type { AppEnv } from '../../server/app-env.js';
import { SYSTEM_CONTEXT } from '../../../test/support/contexts.js';
import { givenOrganization } from '../../../test/support/registry-factories.js';
import { createUser, TEST_PASSWORD } from '../../../test/support/test-app.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { PortalClient } from '../testing/portal-client.js';

const PIID = '70CTD024P00000012';

describeEachBackend('records request pages: every step as a plain form', (getStore) => {
  let app: Hono<AppEnv>;
  let reporter: PortalClient;
  let alertId: string;
  const clock = new Date('2026-05-20T14:00:00Z');
  beforeAll(async () => {
    const store = getStore();
    app = createCountersignApp({ store, now: () => clock });
    await givenOrganization(store, { id: 'ice', name: 'U.S. Immigration and Customs Enforcement', kind: 'government-agency', country: 'US' });
    const { organizationId: vendor } = await givenOrganization(store, { name: 'Paragon Solutions (US) Inc.' });
    await store.transaction((tx) => recordScreenedTransactions({ ctx: SYSTEM_CONTEXT, screened: [aScreenedTransaction({ organizationId: vendor, organizationName: 'Paragon Solutions (US) Inc.', piid: PIID, event: 'stop-work', transaction: { modification: 'P00001', actionDate: '2024-10-08' } })], watchlistVersion: 'w' }, tx));
    alertId = (await store.db.selectFrom('alerts').select('id').where('piid', '=', PIID).executeTakeFirstOrThrow()).id;
    await createUser(store, 'reporter', 'contributor');
    reporter = new PortalClient(app);
    await reporter.signIn('reporter', TEST_PASSWORD);
  });

  it('drafts from the alert page button, edits, files, records steps and uploads a document — all without script', async () => {
    const alerts = await reporter.get('/alerts');
    expect(alerts.text).toContain('Draft a records request');
    const drafted = await reporter.postForm('/disclosure-requests/new', { kind: 'alert', id: alertId });
    expect(drafted.status).toBe(303);
    const path = drafted.headers.get('location') ?? '';
    expect(path).toMatch(/^\/disclosure-requests\/[0-9a-f-]{36}$/);
    const page = await reporter.get(path);
    expect(page.text).toContain('FOIA Office, U.S. Immigration and Customs Enforcement');
    expect(page.text).toContain(`Procurement Instrument Identifier (PIID): ${PIID}`);
    expect(page.text).toContain(`href="${path}/edit"`);
    expect((await new PortalClient(app).get(path)).status).toBe(404);

    const edit = await reporter.get(`${path}/edit`);
    expect(edit.text).toContain('<textarea id="edit-letter"');
    const letter = /<textarea id="edit-letter"[^>]*>([\s\S]*?)<\/textarea>/.exec(edit.text)?.[1] ?? '';
    expect((await reporter.postForm(`${path}/edit`, { title: 'ICE & Paragon <contract file>', letter: letter.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'"), jurisdiction: 'us-federal' })).status).toBe(303);
    await reporter.get(path);
    expect((await reporter.postForm(`${path}/submit`, { receivedAt: '2026-05-15' })).status).toBe(303);
    const filed = await reporter.get(path);
    expect(filed.text).toContain('ICE &amp; Paragon &lt;contract file&gt;');
    expect(filed.text).toContain('2026-06-15');
    expect(filed.text).toContain(`/api/v1/cases/disclosure-request/${path.split('/').pop()}/deadlines.ics`);
    expect(filed.text).toContain('Record acknowledgement');

    expect((await reporter.postForm(`${path}/steps/acknowledge`, { trackingNumber: '2026-ICFO-04242', note: '', occurredAt: '2026-05-18' })).status).toBe(303);
    await reporter.get(path);
    const upload = await reporter.postUpload(`${path}/documents`, { embargoUntil: '2026-07-01' }, { name: 'release.txt', bytes: new TextEncoder().encode('First interim release.') });
    expect(upload.status).toBe(303);
    const after = await reporter.get(path);
    expect(after.text).toContain('2026-ICFO-04242');
    expect(after.text).toContain('Private until the end of 2026-07-01');
    expect(after.text).toContain('Extend the embargo once');

    const anonymous = await new PortalClient(app).get(path);
    expect(anonymous.status).toBe(200);
    expect(anonymous.text).not.toContain('Record what happened');
    expect(anonymous.text).not.toContain('href="/api/v1/disclosure-requests/');
    await reporter.get(path);
    expect((await reporter.postForm(`${path}/steps/determine`, { outcome: 'rejected', note: 'Withheld in full.', occurredAt: '2026-05-19' })).status).toBe(303);
    const determined = await reporter.get(path);
    expect(determined.text).toMatch(/<textarea id="step-appeal-letter"[^>]*>[^<]*I appeal the withholding/);
    expect((await reporter.postForm(`${path}/steps/appeal`, { letter: 'I appeal the withholding of every record: please release them.' })).status).toBe(303);
    expect((await reporter.get(path)).text).toContain('Appealing');
    const agency = await new PortalClient(app).get('/disclosure-agencies/ice');
    expect(agency.text).toContain('Records requests to U.S. Immigration and Customs Enforcement');
  });

  it('answers an unknown subject with 404, a bad form with a 400 page naming the field, a forged form with 403', async () => {
    await reporter.get('/disclosure-requests');
    const drafted = await reporter.postForm('/disclosure-requests/new', { kind: 'contract', id: 'NO-SUCH-PIID' });
    expect(drafted.status).toBe(404);
    const bad = await reporter.postForm('/disclosure-requests/new', { kind: 'tweet', id: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('kind');
    const none = await reporter.postForm('/disclosure-requests/new', { kind: 'alert', id: alertId }, { withCsrf: false });
    expect(none.status).toBe(403);
  });
});
