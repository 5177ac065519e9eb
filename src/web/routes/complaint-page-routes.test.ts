import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { grantRole } from '../../accounts/commands/grant-role.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import type { AppEnv } from '../../server/app-env.js';
import { SYSTEM_CONTEXT } from '../../../test/support/contexts.js';
import { givenRecords, uniqueId } from '../../../test/support/registry-factories.js';
import { createUser, TEST_PASSWORD } from '../../../test/support/test-app.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { PortalClient } from '../testing/portal-client.js';

describeEachBackend('complaint pages: intake without script, private status page, handler steps', (getStore) => {
  let app: Hono<AppEnv>;
  let body: string;
  let incident: string;
  beforeAll(async () => {
    const store = getStore();
    app = createCountersignApp({ store });
    [body, incident] = [uniqueId('board'), uniqueId('incident')];
    await givenRecords(store, {
      sources: [{ id: 'complaint-page-source', title: 'Source', publisher: 'P' }],
      organizations: [{ id: body, name: 'Civil Liberties Oversight Board', kind: 'government-agency', sources: ['complaint-page-source'] }],
      incidents: [{ id: incident, title: 'Phones of activists infected', date: '2025-02-01', sources: ['complaint-page-source'] }],
    });
    await createUser(store, `handler-${body}`, 'contributor');
    await store.transaction((tx) => grantRole({ ctx: SYSTEM_CONTEXT, grant: { username: `handler-${body}`, role: 'complaint-handler', scope: `body:${body}` }, scopeExists: async () => true }, tx));
  });

  it('takes a complaint with an evidence file from a plain form and walks it through every step', async () => {
    const complainant = new PortalClient(app);
    const form = await complainant.get('/complaints/new');
    expect(form.status).toBe(200);
    for (const field of ['body', 'account', 'name', 'contact', 'evidence']) expect(form.text).toContain(`<label for="complaint-${field}">`);
    expect(form.text).toContain('Civil Liberties Oversight Board');
    const bad = await complainant.postForm('/complaints/new', { body, account: 'short', name: '', contact: '' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('What happened');
    const evidence = 'EVIDENCE-PAGE-MARKER-19af: process list';
    const sent = await complainant.postUpload('/complaints/new', { body, account: 'Unknown processes ran on my phone after a border crossing.', name: 'Page Marker Person', contact: '' }, { name: 'processes.txt', bytes: new TextEncoder().encode(evidence) });
    expect(sent.status).toBe(303);
    const link = sent.headers.get('location') ?? '';
    expect(link).toMatch(/^\/complaints\/status\/r_[A-Za-z0-9_-]{43}$/);
    const status = await complainant.get(link);
    expect(status.status).toBe(200);
    expect(status.text).toContain('Received, waiting for the oversight body');
    expect(status.text).toContain('Civil Liberties Oversight Board');

    const handler = new PortalClient(app);
    await handler.signIn(`handler-${body}`, TEST_PASSWORD);
    const queue = await handler.get('/complaints');
    expect(queue.status).toBe(200);
    const id = /href="\/complaints\/([0-9a-f-]{36})"/.exec(queue.text)?.[1] ?? '';
    const page = await handler.get(`/complaints/${id}`);
    expect(page.text).toContain('Page Marker Person');
    expect(page.text).toContain('processes.txt');
    expect(page.text).not.toContain('Link to the incident');
    const download = await app.request(`http://localhost/complaints/${id}/evidence/0`, { headers: { cookie: handler.cookie ?? '' } });
    expect(await download.text()).toBe(evidence);
    expect((await new PortalClient(app).get(`/complaints/${id}/evidence/0`)).status).toBe(404);

    expect((await complainant.postForm(`${link}/consent`, {})).status).toBe(303);
    expect((await complainant.get(link)).text).toContain('You agreed to linking');
    await handler.get(`/complaints/${id}`);
    expect((await handler.postForm(`/complaints/${id}/link`, { incident })).status).toBe(303);
    expect((await handler.postForm(`/complaints/${id}/review`, {})).status).toBe(303);
    await handler.get(`/complaints/${id}`);
    expect((await handler.postForm(`/complaints/${id}/close`, { outcome: 'not-upheld', message: 'We found no unlawful use.' })).status).toBe(303);
    const closed = await complainant.get(link);
    expect(closed.text).toContain('Not upheld');
    expect(closed.text).toContain('We found no unlawful use.');
    expect(closed.text).toContain(`<a href="/incidents/${incident}">Phones of activists infected</a>`);

    expect((await complainant.postForm(`${link}/erase`, {})).status).toBe(303);
    expect((await complainant.get(link)).text).toContain('Everything that identified you was erased');
    expect((await handler.get(`/complaints/${id}`)).text).not.toContain('Page Marker Person');
  });

  it('answers 404 for an unknown status link and keeps complaints from people who do not handle them', async () => {
    expect((await new PortalClient(app).get(`/complaints/status/r_${'a'.repeat(43)}`)).status).toBe(404);
    expect((await new PortalClient(app).get('/complaints/status/not-a-token')).status).toBe(404);
    await createUser(getStore(), 'complaint-outsider', 'editor');
    const outsider = new PortalClient(app);
    await outsider.signIn('complaint-outsider', TEST_PASSWORD);
    expect((await outsider.get('/complaints')).status).toBe(403);
  });
});
