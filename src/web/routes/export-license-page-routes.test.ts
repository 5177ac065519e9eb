import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { loadBundledDataset } from '../../../test/support/bundled-dataset.js';
import { SYSTEM_CONTEXT } from '../../../test/support/contexts.js';
import { givenRecords, uniqueId } from '../../../test/support/registry-factories.js';
import { createUser, TEST_PASSWORD } from '../../../test/support/test-app.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { grantRole } from '../../accounts/commands/grant-role.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import { WORKFLOWS } from '../../app/workflows.js';
import { runTick } from '../../kernel/deadlines/run-tick.js';
import type { AppEnv } from '../../server/app-env.js';
import { PortalClient } from '../testing/portal-client.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');

describeEachBackend('export-licence pages', (getStore) => {
  let app: Hono<AppEnv>;
  let officer: PortalClient;
  const exporter = uniqueId('exporter');
  const endUser = uniqueId('ministry');

  beforeAll(async () => {
    const store = getStore();
    await loadBundledDataset(store);
    await givenRecords(store, { organizations: [
      { id: exporter, name: 'Factory Exporter Inc.', kind: 'company', country: 'US', sources: ['congress-letter-2021-11-05'] },
      { id: endUser, name: 'Factory Ministry of the Interior', kind: 'government-agency', country: 'NO', sources: ['congress-letter-2021-11-05'] },
    ] });
    app = createCountersignApp({ store, now: () => NOW });
    await createUser(store, 'lena', 'contributor');
    await store.transaction((tx) => grantRole({ ctx: SYSTEM_CONTEXT, grant: { username: 'lena', role: 'licensing-officer', scope: 'agency:bis' }, scopeExists: async () => true }, tx));
    officer = new PortalClient(app);
    await officer.signIn('lena', TEST_PASSWORD);
  });

  const apply = async (fields: Record<string, string>) => {
    await officer.get('/export-licenses/new');
    const res = await officer.postForm('/export-licenses/new', { exporter, item: 'IP network monitoring centre', eccn: '5A001.j', endUser, endUse: 'Lawful interception', destination: 'NO', ...fields });
    expect(res.status).toBe(303);
    return (res.headers.get('location') ?? '').split('?')[0] ?? '';
  };

  it('shows a refusal of Intellexa S.A. with its Entity List listing, through the form without JavaScript', async () => {
    const page = await new PortalClient(app).get(await apply({ endUser: 'intellexa-sa', destination: 'GR' }));
    expect(page.text).toContain('Refused on screening');
    expect(page.text).toContain('Entity List, listed 18 July 2023');
    expect(page.text).toContain('href="/sources/fr-2023-15343"');
    expect(page.text).toContain('Greece');
    // The confirmation is one of a few fixed sentences: a crafted link shows none of its own words.
    expect((await new PortalClient(app).get(`${await apply({ endUser: 'intellexa-sa' })}?done=Your+licence+is+approved`)).text).not.toContain('Your licence is approved');
  });

  it('runs a licence through every step by form; the public page shows provisos, the overdue flag and the revocation review', async () => {
    const path = await apply({});
    expect((await officer.get(path)).text).toContain('action="' + path + '/review"');
    expect((await officer.postForm(`${path}/review`, { note: 'Taken up' })).status).toBe(303);
    await officer.get(path);
    const approved = await officer.postForm(`${path}/approval`, {
      note: 'End use checked', provisoKind1: 'due-diligence-report', provisoText1: 'Quarterly due-diligence report', provisoDue1: '2026-11-30',
      provisoKind2: 'notify-misuse', provisoText2: 'Notify misuse at once', provisoDue2: '',
    });
    expect(approved.status).toBe(303);
    const calendar = await new PortalClient(app).get(`/api/v1/cases/export-license/${path.split('/').at(-1) ?? ''}/deadlines.ics`);
    expect(calendar.status).toBe(200);
    expect(calendar.text).toContain('Proviso 1 due: human-rights due-diligence report');
    await runTick({ now: new Date('2026-12-02T00:00:00Z') }, { transaction: (fn) => getStore().transaction(fn), workflows: WORKFLOWS });
    const incident = uniqueId('incident');
    await givenRecords(getStore(), { incidents: [{ id: incident, title: 'Lawyers targeted with the licensed system', vendor: endUser, sources: ['congress-letter-2021-11-05'] }] });
    const page = await new PortalClient(app).get(path);
    expect(page.text).toContain('ECCN <code>5A001.j</code>: IP network communications surveillance systems');
    expect(page.text).toContain(`href="/organizations/${endUser}"`);
    expect(page.text).toContain('<dd>Norway</dd>');
    expect(page.text).toContain('Under revocation review');
    expect(page.text).toContain('class="flag-overdue">Overdue');
    expect(page.text).toContain(`href="/incidents/${incident}"`);
    expect(page.text).not.toContain('<form method="post" action="' + path);
    await officer.get(path);
    expect((await officer.postForm(`${path}/revocation`, { reasons: 'Used against lawyers' })).status).toBe(303);
    expect((await new PortalClient(app).get(path)).text).toContain('Revoked');
    expect((await new PortalClient(app).get('/export-licenses?status=revoked')).text).toContain(path);
  });

  it('escapes what applicants typed', async () => {
    const page = await new PortalClient(app).get(await apply({ item: '<script>alert(1)</script>', endUse: '<img src=x onerror=alert(1)>' }));
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.text).not.toContain('<script>alert(1)');
    expect(page.text).not.toContain('<img src=x');
  });

  it('answers bad form input with 400 and changes nothing, and anonymous posts with 401', async () => {
    await officer.get('/export-licenses/new');
    const bad = await officer.postForm('/export-licenses/new', { exporter, item: 'Probe', eccn: 'not-an-eccn', endUser, endUse: 'Interception', destination: 'NO' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('id="eccn-error"');
    expect(bad.text).toContain('value="not-an-eccn"');
    const path = await apply({});
    await officer.get(path);
    const early = await officer.postForm(`${path}/approval`, { note: 'Too early', provisoKind1: 'clawback', provisoText1: 'Clawback' });
    expect(early.status).toBe(409);
    expect(early.text).toContain('The step was not recorded');
    await officer.get(path);
    await officer.postForm(`${path}/review`, {});
    await officer.get(path);
    const noProviso = await officer.postForm(`${path}/approval`, { note: 'No provisos given' });
    expect(noProviso.status).toBe(400);
    expect(noProviso.text).toContain('<code>provisos</code>');
    expect((await new PortalClient(app).postForm('/destination-risk-list', { country: 'DK', reason: 'Something a source says.', sources: 'congress-letter-2021-11-05' })).status).toBe(401);
    expect((await new PortalClient(app).get('/destination-risk-list')).text).toContain('Azerbaijan');
  });
});
