import type { Hono } from 'hono';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { grantRole } from '../../accounts/commands/grant-role.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import type { Ledger } from '../../ledger/sequencer/ledger.js';
import type { AppEnv } from '../../server/app-env.js';
import { SYSTEM_CONTEXT } from '../../../test/support/contexts.js';
import { givenRecords, uniqueId } from '../../../test/support/registry-factories.js';
import { anonymousClient, quickClient, type TestClient } from '../../../test/support/test-app.js';
import { openTestLedger } from '../../../test/support/test-ledger.js';
import { describeEachBackend } from '../../../test/support/test-store.js';

const NAME = 'Complainant-Name-Marker-4b1d';
const CONTACT = 'signal:+1-555-0199-contact-marker-77e2';
const EVIDENCE = 'EVIDENCE-MARKER-c0ffee: forensic log lines from the phone';
const ACCOUNT = 'My phone showed signs of a zero-click exploit after I met the reporter.';

describeEachBackend('complaints: anonymous intake, private status link, handler queue, consent, erasure', (getStore) => {
  let app: Hono<AppEnv>;
  let ledger: Ledger;
  let body: string;
  let otherBody: string;
  let incident: string;
  let handler: TestClient;
  let otherHandler: TestClient;
  beforeAll(async () => {
    const store = getStore();
    ledger = await openTestLedger(store);
    app = createCountersignApp({ store, ledger });
    const source = uniqueId('source');
    [body, otherBody, incident] = [uniqueId('oversight'), uniqueId('oversight-other'), uniqueId('incident')];
    await givenRecords(store, {
      sources: [{ id: source, title: 'Oversight report', publisher: 'Factory' }],
      organizations: [{ id: body, name: 'Privacy Oversight Board', kind: 'government-agency', sources: [source] }, { id: otherBody, name: 'Other Inspector General', kind: 'government-agency', sources: [source] }],
      incidents: [{ id: incident, title: 'Journalist phones infected', date: '2025-01-01', sources: [source] }],
    });
    handler = await quickClient(app, store, 'handler-own', 'contributor');
    otherHandler = await quickClient(app, store, 'handler-other', 'contributor');
    for (const [username, scope] of [['handler-own', body], ['handler-other', otherBody]] as const) {
      await store.transaction((tx) => grantRole({ ctx: SYSTEM_CONTEXT, grant: { username, role: 'complaint-handler', scope: `body:${scope}` }, scopeExists: async () => true }, tx));
    }
  });
  afterAll(async () => {
    await ledger?.close();
  });

  async function file(extra: Record<string, unknown> = {}) {
    const res = await anonymousClient(app).request('/api/v1/complaints', { json: { body, account: ACCOUNT, name: NAME, contact: CONTACT, evidence: [{ fileName: 'phone-log.txt', mediaType: 'text/plain', contentBase64: Buffer.from(EVIDENCE).toString('base64') }], ...extra } });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; statusToken: string; statusUrl: string };
  }

  it('takes a complaint without an account and shows its status through the private link only', async () => {
    const { id, statusToken, statusUrl } = await file();
    expect(statusToken).toMatch(/^r_[A-Za-z0-9_-]{43}$/);
    const status = await anonymousClient(app).request(`/api/v1/complaints/status/${statusToken}`);
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({ id, body, status: 'received' });
    expect((await anonymousClient(app).request(statusUrl)).status).toBe(200);
    expect((await anonymousClient(app).request(`/api/v1/complaints/status/r_${'x'.repeat(43)}`)).status).toBe(404);
    // Only the body's handler reads it, with the complainant's details and the evidence's hash.
    const read = await handler.request(`/api/v1/complaints/${id}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ name: NAME, contact: CONTACT, evidence: [{ fileName: 'phone-log.txt', size: EVIDENCE.length }] });
    expect((await otherHandler.request(`/api/v1/complaints/${id}`)).status).toBe(404);
    expect((await anonymousClient(app).request(`/api/v1/complaints/${id}`)).status).toBe(404);
    const queue = (await (await handler.request('/api/v1/complaints')).json()) as { items: { id: string }[] };
    expect(queue.items.map((c) => c.id)).toContain(id);
    expect(((await (await otherHandler.request('/api/v1/complaints')).json()) as { items: { id: string }[] }).items.map((c) => c.id)).not.toContain(id);
  });

  it('links to an incident only after the complainant consents through the link', async () => {
    const { id, statusToken } = await file();
    expect((await handler.request(`/api/v1/complaints/${id}/link`, { json: { incident } })).status).toBe(409);
    expect((await anonymousClient(app).request(`/api/v1/complaints/status/${statusToken}/consent`, { json: {} })).status).toBe(200);
    expect((await anonymousClient(app).request(`/api/v1/complaints/status/${statusToken}/consent`, { json: {} })).status).toBe(409);
    expect((await handler.request(`/api/v1/complaints/${id}/link`, { json: { incident: 'no-such-incident' } })).status).toBe(400);
    expect((await otherHandler.request(`/api/v1/complaints/${id}/link`, { json: { incident } })).status).toBe(404);
    const linked = await handler.request(`/api/v1/complaints/${id}/link`, { json: { incident } });
    expect(linked.status).toBe(200);
    expect(await linked.json()).toMatchObject({ incidentId: incident });
    expect((await handler.request(`/api/v1/complaints/${id}/review`, { json: {} })).status).toBe(200);
    const closed = await handler.request(`/api/v1/complaints/${id}/close`, { json: { outcome: 'upheld', message: 'We found the agency acted unlawfully.' } });
    expect(closed.status).toBe(200);
    const status = (await (await anonymousClient(app).request(`/api/v1/complaints/status/${statusToken}`)).json()) as Record<string, unknown>;
    expect(status).toMatchObject({ status: 'closed', outcome: 'upheld', incidentId: incident, message: 'We found the agency acted unlawfully.' });
  });

  it('routes a complaint filed without a body: admins see it and route it, then the body’s handler takes it', async () => {
    const res = await anonymousClient(app).request('/api/v1/complaints', { json: { account: ACCOUNT } });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect((await handler.request(`/api/v1/complaints/${id}`)).status).toBe(404);
    const admin = await quickClient(app, getStore(), 'complaint-admin', 'admin');
    expect((await admin.request(`/api/v1/complaints/${id}/review`, { json: {} })).status).toBe(409);
    expect(((await (await admin.request('/api/v1/complaints')).json()) as { items: { id: string }[] }).items.map((c) => c.id)).toContain(id);
    expect((await handler.request(`/api/v1/complaints/${id}/route`, { json: { body } })).status).toBe(404);
    expect((await admin.request(`/api/v1/complaints/${id}/route`, { json: { body: incident } })).status).toBe(400);
    const routed = await admin.request(`/api/v1/complaints/${id}/route`, { json: { body } });
    expect(routed.status).toBe(200);
    expect(await routed.json()).toMatchObject({ body, status: 'received' });
    expect((await handler.request(`/api/v1/complaints/${id}/review`, { json: {} })).status).toBe(200);
  });

  it('refuses bad input with a 4xx naming the field, and changes nothing', async () => {
    const client = anonymousClient(app);
    const count = async () => (await getStore().db.selectFrom('complaints').select('id').execute()).length;
    const before = await count();
    const short = await client.request('/api/v1/complaints', { json: { account: 'too short' } });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('account');
    expect((await client.request('/api/v1/complaints', { json: { account: ACCOUNT, body: 'no-such-body' } })).status).toBe(400);
    // A registry organisation without a complaint handler takes no complaints.
    expect((await client.request('/api/v1/complaints', { json: { account: ACCOUNT, body: incident } })).status).toBe(400);
    expect((await client.request('/api/v1/complaints', { json: { account: ACCOUNT, evidence: [{ fileName: 'x', contentBase64: '%%%' }] } })).status).toBe(400);
    expect(await count()).toBe(before);
    const { id } = await file();
    expect((await handler.request(`/api/v1/complaints/${id}/close`, { json: { outcome: 'maybe' } })).status).toBe(400);
    expect((await handler.request(`/api/v1/complaints/${id}/close`, { json: { outcome: 'upheld' } })).status).toBe(409);
  });

  it('keeps every identifying value out of the log, public pages, export and feeds; erasing removes it for the handler too', async () => {
    const { id, statusToken } = await file();
    await ledger.sequencer.integrate();
    const entries = await getStore().db.selectFrom('logEntries').select('entry').execute();
    const log = entries.map((e) => e.entry).join('\n');
    expect(log).toContain(id);
    for (const value of [NAME, CONTACT, EVIDENCE, ACCOUNT, statusToken, Buffer.from(EVIDENCE).toString('base64')]) expect(log).not.toContain(value);
    // Filed as anonymous — even by someone signed in: the entry's actor names nobody.
    const signedIn = await handler.request('/api/v1/complaints', { json: { account: ACCOUNT } });
    expect(signedIn.status).toBe(201);
    const ownId = ((await signedIn.json()) as { id: string }).id;
    await ledger.sequencer.integrate();
    const received = (await getStore().db.selectFrom('logEntries').select('entry').where('type', '=', 'disclosure.complaint.received').execute()).map((e) => JSON.parse(e.entry) as { actor: string; data: { complaint?: string } });
    expect(received.filter((e) => e.data.complaint === id || e.data.complaint === ownId).map((e) => e.actor)).toEqual(['anonymous', 'anonymous']);
    const reader = anonymousClient(app);
    const index = (await getStore().db.selectFrom('logEntries').select(['leafIndex', 'entry']).where('type', '=', 'disclosure.complaint.received').execute()).find((e) => e.entry.includes(id))?.leafIndex;
    const pages = [`/log/entries/${index}`, `/api/v1/log/entries/${index}/seals`, '/', '/log', '/api/v1/log/entries?limit=200', '/feeds/alerts.atom', '/api/v1/export?format=ndjson', '/api/v1/export?format=ftm', `/organizations/${body}`, `/incidents/${incident}`, '/api/v1/vendor-reports', '/api/v1/target-notices', `/api/v1/complaints/status/${statusToken}`, `/complaints/status/${statusToken}`];
    for (const path of pages) {
      const res = await reader.request(path);
      expect(res.status, path).toBeLessThan(400);
      const text = await res.text();
      for (const value of [NAME, CONTACT, EVIDENCE, ACCOUNT]) expect(text, `${path} shows ${value}`).not.toContain(value);
    }
    expect((await reader.request(`/api/v1/complaints/status/${statusToken}/erase`, { json: {} })).status).toBe(200);
    expect(await (await handler.request(`/api/v1/complaints/${id}`)).json()).toMatchObject({ name: null, contact: null, account: null, evidence: [] });
    expect((await reader.request(`/api/v1/complaints/status/${statusToken}/erase`, { json: {} })).status).toBe(409);
    const evidenceRows = await getStore().db.selectFrom('complaintEvidence').select('position').where('complaintId', '=', id).execute();
    expect(evidenceRows).toEqual([]);
  });
});
