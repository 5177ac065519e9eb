import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { grantRole } from '../../accounts/commands/grant-role.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import type { AppEnv } from '../../server/app-env.js';
import { contextFor, SYSTEM_CONTEXT } from '../../../test/support/contexts.js';
import { givenRecords, uniqueId } from '../../../test/support/registry-factories.js';
import { createUser, TEST_PASSWORD } from '../../../test/support/test-app.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { givenReview } from '../../oversight/testing/uses-fixtures.js';
import { PortalClient } from '../testing/portal-client.js';

const NOW = new Date('2026-11-23T10:00:00Z');

describeEachBackend('authorised uses, findings, audits and statistics pages', (getStore) => {
  let app: Hono<AppEnv>;
  let agency: string;
  let review: string;
  beforeAll(async () => {
    const store = getStore();
    app = createCountersignApp({ store, now: () => NOW });
    const source = uniqueId('src');
    const vendor = uniqueId('vendor');
    const product = uniqueId('graphite');
    agency = uniqueId('agency');
    await givenRecords(store, {
      sources: [{ id: source, title: 'Report', publisher: 'Factory Press' }],
      organizations: [{ id: vendor, name: `Vendor ${vendor}`, kind: 'vendor', sources: [source] }, { id: agency, name: `Agency ${agency}`, kind: 'government-agency', country: 'US', sources: [source] }],
      products: [{ id: product, name: 'Graphite', vendor, sources: [source] }],
    });
    review = await store.transaction((tx) => givenReview(tx, (actor) => contextFor(actor, NOW), { agency, product, vendor }, { notifiedAt: '2026-02-01' }));
    for (const [username, role] of [['ulla', 'officer'], ['arne', 'auditor']] as const) {
      await createUser(store, username, 'contributor');
      await store.transaction((tx) => grantRole({ ctx: SYSTEM_CONTEXT, grant: { username, role, scope: `agency:${agency}` }, scopeExists: async () => true }, tx));
    }
  });

  it('takes an authorisation through every step with plain forms; the audit finds what the record shows and publishes charts', async () => {
    const officer = new PortalClient(app);
    await officer.signIn('ulla', TEST_PASSWORD);
    const list = await officer.get('/authorizations');
    expect(list.text).toContain('Authorise a use');
    expect(list.text).toContain('Drug offences');
    const authorizationForm = { review, offenceCategory: 'drug-offences', legalAuthority: 'warrant', issuingCourt: 'US District Court, D. Mass.', jurisdiction: 'federal', docketNumber: '1:26-mj-4417', target: 'signal:+1 617 555 0199', 'dc-messages': 'on', validFrom: '2026-03-01', validTo: '2026-03-31', retentionDays: '10', noticeDate: '2026-05-31' };
    // Before the notice clock: refused, and the page says when it opens.
    const early = await officer.postForm('/authorizations', { ...authorizationForm, validFrom: '2026-02-03' });
    expect(early.status).toBe(409);
    expect(early.text).toContain('2026-02-08');
    const granted = await officer.postForm('/authorizations', authorizationForm);
    expect(granted.status).toBe(303);
    const path = (granted.headers.get('location') ?? '').split('?')[0] ?? '';
    const page = await officer.get(path);
    expect(page.text).toContain('Sealed — the log holds a commitment to it');
    expect(page.text).not.toContain('555 0199');
    for (const step of ['extend', 'extend-notice', 'give-notice', 'confirm-deletion', 'share', 'unseal']) expect(page.text).toContain(`${path}/steps/${step}"`);
    expect((await officer.postForm('/uses', { authorization: path.split('/').pop() ?? '', 'dc-messages': 'on', 'dc-location': 'on', occurredAt: '2026-04-02T10:00:00Z' })).status).toBe(303);
    expect((await officer.postForm(`${path}/steps/share`, { recipient: 'A foreign service', legalBasis: '', occurredAt: '2026-04-03' })).status).toBe(303);
    expect((await officer.postForm(`${path}/steps/share`, { recipient: '<script>alert(1)</script>', legalBasis: 'Court order "X" & <b>', occurredAt: '2026-04-04' })).status).toBe(303);
    expect((await officer.postForm(`${path}/steps/extend-notice`, { noticeDate: '2026-06-30', courtOrder: 'Order of 2026-05-20' })).status).toBe(303);
    const after = await officer.get(path);
    expect(after.text).toContain('Use outside the authorised window');
    expect(after.text).toContain('Use beyond the authorised data categories');
    expect(after.text).toContain('no legal basis cited');
    expect(after.text).toContain('delayed 1× by court order');
    expect(after.text).not.toContain('<script>alert(1)</script>');
    expect(after.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    const findings = await new PortalClient(app).get(`/oversight/findings?agency=${agency}`);
    expect(findings.text).toContain('Sharing without a legal basis');

    const auditor = new PortalClient(app);
    await auditor.signIn('arne', TEST_PASSWORD);
    expect((await auditor.get('/audits')).text).toContain('Run an audit');
    const run = await auditor.postForm('/audits', { agency, periodStart: '2026-01-01', periodEnd: '2026-12-31' });
    expect(run.status).toBe(303);
    const auditPath = (run.headers.get('location') ?? '').split('?')[0] ?? '';
    const auditPage = await auditor.get(auditPath);
    expect(auditPage.text).toContain('Deletion overdue');
    expect(auditPage.text).toContain('Notice to the target overdue');
    expect((await auditor.postForm(`${auditPath}/sign-off`, { note: 'Reviewed.' })).status).toBe(303);
    const stats = await new PortalClient(app).get('/oversight/statistics');
    expect(stats.status).toBe(200);
    expect(stats.text).toContain('<svg');
    expect(stats.text).toContain('Authorisations by offence');
    expect(stats.text).not.toContain('4417');

    // Someone not signed in gets no forms and cannot post a step.
    const anonymous = new PortalClient(app);
    expect((await anonymous.get(path)).text).not.toContain('/steps/');
    expect((await anonymous.postForm(`${path}/steps/give-notice`, {}, { withCsrf: false })).status).toBe(401);
    // Unsealing opens the commitment in the granting entry's receipt: refused, saying why, until the log has sequenced it.
    const unseal = await officer.postForm(`${path}/steps/unseal`, { field: 'docketNumber', courtOrder: 'Unsealing order' });
    expect(unseal.status).toBe(409);
    expect(unseal.text).toContain('has not sequenced');
  });
});
