import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { grantRole } from '../../accounts/commands/grant-role.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import { scopeExists } from '../../app/scope-exists.js';
import { WORKFLOWS } from '../../app/workflows.js';
import { runTick } from '../../kernel/deadlines/run-tick.js';
import type { AppEnv } from '../../server/app-env.js';
import { SYSTEM_CONTEXT } from '../../../test/support/contexts.js';
import { givenRecords, uniqueId } from '../../../test/support/registry-factories.js';
import { createUser, TEST_PASSWORD } from '../../../test/support/test-app.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { PortalClient } from '../testing/portal-client.js';

const NOW = new Date('2026-11-23T18:00:00.000Z');

describeEachBackend('docket pages: a resident follows and comments without an account; staff take every step through forms', (getStore) => {
  let app: Hono<AppEnv>;
  let agency: string;
  let docketPath = '';
  const signedIn = async (username: string) => {
    const client = new PortalClient(app);
    await client.signIn(username, TEST_PASSWORD);
    return client;
  };

  beforeAll(async () => {
    const store = getStore();
    app = createCountersignApp({ store, now: () => NOW });
    const source = uniqueId('source');
    const vendor = uniqueId('vendor');
    agency = uniqueId('police');
    await givenRecords(store, {
      sources: [{ id: source, title: 'Factory report', publisher: 'Factory Press', date: '2025-01-01' }],
      organizations: [{ id: vendor, name: 'Lens <Vendor> Ltd.', kind: 'vendor', sources: [source] }, { id: agency, name: 'Factory Police', kind: 'government-agency', sources: [source] }],
      products: [{ id: 'lens-camera', name: 'Lens Camera', vendor, sources: [source] }],
      designations: [{ subject: vendor, authority: 'US-BIS', list: 'Entity List', listed: '2021-11-03', sources: [source] }],
    });
    const grant = (username: string, role: string, scope: string) => store.transaction((tx) => grantRole({ ctx: SYSTEM_CONTEXT, grant: { username, role, scope }, scopeExists }, tx));
    for (const [user, role, scope] of [['officer', 'officer', `agency:${agency}`], ['clerk', 'board-clerk', 'board:seattle'], ...[0, 1, 2, 3, 4].map((i) => [`member${i}`, 'board-member', 'board:seattle'])] as const) {
      await createUser(store, user, 'contributor');
      await grant(user, role, scope);
    }
  });

  it('opens a docket and revises its proposal through the officer\'s forms', async () => {
    expect((await new PortalClient(app).get('/dockets/new')).status).toBe(401);
    const officer = await signedIn('officer');
    await officer.get('/dockets/new');
    const opened = await officer.postForm('/dockets/new', { jurisdiction: 'seattle', agency, technology: 'lens-camera', title: 'Lens cameras at precincts', vendor: '' });
    expect(opened.status).toBe(303);
    docketPath = opened.headers.get('location') ?? '';
    const id = docketPath.split('/').pop() ?? '';
    await officer.get(docketPath);
    const revised = await officer.postForm(`/dockets/${id}/steps/revise`, { title: 'Lens cameras at precincts', 'impactReport.purpose': 'Find stolen cars.', 'usePolicy.retention': '30 days.' });
    expect(revised.status).toBe(303);
    const page = await new PortalClient(app).get(docketPath);
    expect(page.text).toContain('Find stolen cars.');
    expect(page.text).toContain('Lens &lt;Vendor&gt; Ltd.');
    expect(page.text).toContain('US-BIS: Entity List');
  });

  it('takes a comment from a resident with no account and no JavaScript, and publishes it after moderation with its receipt', async () => {
    const clerk = await signedIn('clerk');
    await clerk.get(docketPath);
    expect((await clerk.postForm(`${docketPath}/steps/notice`, { publishedAt: '2026-11-23' })).status).toBe(303);
    const resident = new PortalClient(app);
    const page = await resident.get(docketPath);
    expect(page.text).toContain(`action="${docketPath}/comments"`);
    expect(page.text).toContain(`href="/api/v1/cases/docket/${docketPath.split('/').pop() ?? ''}/deadlines.ics"`);
    const short = await resident.postForm(`${docketPath}/comments`, { text: 'too short', contact: '' });
    expect(short.status).toBe(400);
    expect(short.text).toContain('The comment was not sent');
    const sent = await resident.postForm(`${docketPath}/comments`, { text: 'No <script>alert(1)</script> cameras near schools, please.', contact: 'me@example.org' });
    expect(sent.status).toBe(303);
    expect((await resident.get(sent.headers.get('location') ?? '')).text).toContain('your comment was received');
    expect((await resident.get(`${docketPath}/moderation`)).status).toBe(401);
    const queue = await clerk.get(`${docketPath}/moderation`);
    expect(queue.text).toContain('No &lt;script&gt;alert(1)&lt;/script&gt; cameras');
    expect(queue.text).toContain('me@example.org');
    const comment = /name="comment" value="([0-9a-f-]{36})"/.exec(queue.text)?.[1] ?? '';
    expect((await clerk.postForm(`${docketPath}/steps/moderate`, { comment, decision: 'publish' })).status).toBe(303);
    const published = await resident.get(docketPath);
    expect(published.text).toContain('No &lt;script&gt;alert(1)&lt;/script&gt; cameras near schools');
    expect(published.text).not.toContain('<script>alert(1)');
    expect(published.text).not.toContain('me@example.org');
    expect(published.text).toMatch(/href="\/api\/v1\/log\/receipts\/\d+"/);
  });

  it('records the hearing, the members\' votes and the decision with conditions through forms; the report shows overdue after a tick', async () => {
    const clerk = await signedIn('clerk');
    await clerk.get(docketPath);
    expect((await clerk.postForm(`${docketPath}/steps/hearing`, { heldOn: '2026-11-23', summary: 'Twelve speakers.', documents: 'Impact report | https://example.org/sir.pdf\nAgenda' })).status).toBe(303);
    for (let i = 0; i < 5; i++) {
      const member = await signedIn(`member${i}`);
      const page = await member.get(docketPath);
      expect(page.text).toContain('Your vote (public and final)');
      expect((await member.postForm(`${docketPath}/steps/vote`, { vote: 'yes', note: '' })).status).toBe(303);
    }
    await clerk.get(docketPath);
    const decided = await clerk.postForm(`${docketPath}/steps/decide`, { outcome: 'approve-with-conditions', conditions: 'Retention at most 7 days.\nNo federal sharing.', note: '', reportDueOn: '2026-06-30', expiresOn: '' });
    expect(decided.status).toBe(303);
    const page = await new PortalClient(app).get(docketPath);
    expect(page.text).toContain('Approved with conditions');
    expect(page.text).toContain('Retention at most 7 days.');
    expect(page.text).toContain('href="https://example.org/sir.pdf"');
    await runTick({ now: NOW }, { transaction: (fn) => getStore().transaction(fn), workflows: WORKFLOWS });
    const jurisdiction = await new PortalClient(app).get('/dockets/jurisdictions/seattle');
    expect(jurisdiction.text).toContain('Lens cameras at precincts');
    expect(jurisdiction.text).toContain('Overdue since 30 June 2026');
    expect(jurisdiction.text).toContain('SMC 14.18');
    const index = await new PortalClient(app).get('/dockets');
    expect(index.text).toContain('Lens cameras at precincts');
  });

  it('takes the late report, a renewal and a finding through their forms', async () => {
    const officer = await signedIn('officer');
    const page = await officer.get(docketPath);
    expect(page.text).toContain('File the annual report due 30 June 2026');
    const sections = Object.fromEntries(['useAndDataVolumes', 'externalSharing', 'whereDeployed', 'complaints', 'auditsAndViolations', 'dataBreaches', 'effectiveness', 'costs'].map((k) => [`sections.${k}`, `Answer for ${k}.`]));
    expect((await officer.postForm(`${docketPath}/steps/fileReport`, sections)).status).toBe(303);
    const clerk = await signedIn('clerk');
    await clerk.get(docketPath);
    expect((await clerk.postForm(`${docketPath}/steps/renew`, { expiresOn: '2027-12-31', note: '' })).status).toBe(303);
    const after = await new PortalClient(app).get(docketPath);
    expect(after.text).toContain('Filed (filed late)');
    expect(after.text).toContain('Answer for costs.');
    expect(after.text).toContain('expires at the end of 31 December 2027');
    expect((await new PortalClient(app).get('/dockets/findings/new')).status).toBe(401);
    await clerk.get('/dockets/findings/new');
    const recorded = await clerk.postForm('/dockets/findings/new', { jurisdiction: 'seattle', agency, technology: 'Cell-site simulator', observedOn: '2026-10-01', description: 'Used at a protest, per a court filing.', sources: '' });
    expect(recorded.status).toBe(303);
    expect((await new PortalClient(app).get('/dockets/jurisdictions/seattle')).text).toContain('Cell-site simulator');
  });
});
