import type { Hono } from 'hono';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { grantRole } from '../../accounts/commands/grant-role.js';
import { replayLogInto } from '../../app/replay-log-into.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import { EVENT_DEFINITIONS, SUBSCRIBERS } from '../../app/event-runtime.js';
import { EventRuntime } from '../../kernel/events/event-runtime.js';
import { EventCatalogue } from '../../ledger/catalogue/event-catalogue.js';
import { defineEvent } from '../../ledger/catalogue/event-definition.js';
import { deadlineFiredData } from '../../ledger/catalogue/step-event-data.js';
import type { Ledger } from '../../ledger/sequencer/ledger.js';
import type { AppEnv } from '../../server/app-env.js';
import { PortalClient } from '../../web/testing/portal-client.js';
import { SYSTEM_CONTEXT } from '../../../test/support/contexts.js';
import { givenRecords, uniqueId } from '../../../test/support/registry-factories.js';
import { anonymousClient, createUser, quickClient, TEST_PASSWORD, type TestClient } from '../../../test/support/test-app.js';
import { openTestLedger } from '../../../test/support/test-ledger.js';
import { describeEachBackend, openTestStore } from '../../../test/support/test-store.js';
import { openCase } from '../../kernel/workflow/transition.js';
import { TARGET_NOTICE_DUE_EVENT, targetNoticeSubscriber, targetNoticeWorkflow } from '../target-notices/target-notice-workflow.js';

const REPORT = {
  year: 2025,
  selfIdentification: 'Example Intercept Ltd., Tel Aviv; owned by its founders.',
  products: ['Remote phone extraction suite', 'Training'],
  dueDiligence: 'Human-rights impact assessment of every prospective client by outside counsel.',
  risksAddressed: 'Two contracts were conditioned on judicial authorisation of every use.',
  sales: [{ country: 'US', agencyType: 'immigration', description: 'Licences for 20 devices' }],
  rejectedClients: [{ country: 'XX', agencyType: 'intelligence', reason: 'documented targeting of journalists' }],
};

describeEachBackend('vendor transparency reports and notices to targets', (getStore, dialect) => {
  let app: Hono<AppEnv>;
  let ledger: Ledger;
  let vendor: string;
  let silentVendor: string;
  let source: string;
  let incident: string;
  let agency: string;
  let rep: TestClient;
  beforeAll(async () => {
    const store = getStore();
    ledger = await openTestLedger(store);
    app = createCountersignApp({ store, ledger });
    [vendor, silentVendor, source, incident, agency] = [uniqueId('vendor'), uniqueId('silent'), uniqueId('source'), uniqueId('incident'), uniqueId('agency')];
    await givenRecords(store, {
      sources: [{ id: source, title: 'Forensic report', publisher: 'Lab' }],
      organizations: [{ id: vendor, name: 'Example Intercept Ltd.', kind: 'vendor', sources: [source] }, { id: silentVendor, name: 'Quiet Spyware Inc.', kind: 'vendor', sources: [source] }, { id: agency, name: 'Some Agency', kind: 'government-agency', sources: [source] }],
      incidents: [{ id: incident, title: 'Sale to an unlisted client', date: '2025-03-01', sources: [source] }],
    });
    rep = await quickClient(app, store, `rep-${vendor}`, 'contributor');
    await store.transaction((tx) => grantRole({ ctx: SYSTEM_CONTEXT, grant: { username: `rep-${vendor}`, role: 'vendor-representative', scope: `vendor:${vendor}` }, scopeExists: async () => true }, tx));
  });
  afterAll(async () => {
    await ledger?.close();
  });

  it('publishes a representative’s report on the vendor’s page, in the export and FtM; another vendor shows no report', async () => {
    expect((await anonymousClient(app).request('/api/v1/vendor-reports', { json: { ...REPORT, vendor } })).status).toBe(401);
    const analyst = await quickClient(app, getStore(), 'report-analyst', 'analyst');
    expect((await analyst.request('/api/v1/vendor-reports', { json: { ...REPORT, vendor } })).status).toBe(403);
    expect((await rep.request('/api/v1/vendor-reports', { json: { ...REPORT, vendor: silentVendor } })).status).toBe(403);
    const filed = await rep.request('/api/v1/vendor-reports', { json: { ...REPORT, vendor } });
    expect(filed.status).toBe(201);
    const { id } = (await filed.json()) as { id: string };
    expect((await rep.request('/api/v1/vendor-reports', { json: { ...REPORT, vendor } })).status).toBe(409);
    const reader = anonymousClient(app);
    const page = await (await reader.request(`/organizations/${vendor}`)).text();
    expect(page).toContain('Transparency report for 2025');
    expect(page).toContain('documented targeting of journalists');
    expect(page).toContain('Immigration or border agency');
    expect(page).not.toContain('No transparency report for 2025');
    const silent = await (await reader.request(`/organizations/${silentVendor}`)).text();
    expect(silent).toContain(`No transparency report for ${new Date().getUTCFullYear() - 1}: the vendor filed no report for that year.`);
    expect(silent).not.toContain('Transparency report for 2025<');
    const ndjson = await (await reader.request('/api/v1/export?format=ndjson')).text();
    expect(ndjson.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { type: string; record: { id?: string } }).some((l) => l.type === 'vendor-report' && l.record.id === id)).toBe(true);
    const ftm = (await (await reader.request('/api/v1/export?format=ftm')).text()).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; schema: string; properties: Record<string, string[]> });
    expect(ftm.find((e) => e.id === `countersign-vendor-report-${id}`)?.schema).toBe('Document');
    expect(ftm.find((e) => e.id === `countersign-vendor-report-${id}-of`)?.properties['entity']).toEqual([`countersign-org-${vendor}`]);
  });

  it('lets analysts annotate a report with a sourced contradiction, and refuses one without a source', async () => {
    const { items } = (await (await anonymousClient(app).request(`/api/v1/vendor-reports?vendor=${vendor}`)).json()) as { items: { id: string }[] };
    const id = items[0]?.id ?? '';
    const analyst = await quickClient(app, getStore(), 'report-analyst', 'analyst');
    const bare = await analyst.request(`/api/v1/vendor-reports/${id}/annotations`, { json: { note: 'omits a sale' } });
    expect(bare.status).toBe(400);
    expect(await bare.text()).toContain('source');
    expect((await analyst.request(`/api/v1/vendor-reports/${id}/annotations`, { json: { note: 'omits a sale', incident: 'no-such-incident' } })).status).toBe(400);
    expect((await rep.request(`/api/v1/vendor-reports/${id}/annotations`, { json: { note: 'x', incident } })).status).toBe(403);
    const ok = await analyst.request(`/api/v1/vendor-reports/${id}/annotations`, { json: { note: 'The report omits the sale the incident documents.', incident, source } });
    expect(ok.status).toBe(201);
    const page = await (await anonymousClient(app).request(`/vendor-reports/${id}`)).text();
    expect(page).toContain('The report omits the sale the incident documents.');
    // Labels, not slugs: the incident's title and the source's.
    expect(page).toContain(`<a href="/incidents/${incident}">Sale to an unlisted client</a>`);
    expect(page).toContain(`<a href="/sources/${source}">Forensic report</a>`);
    expect((await analyst.request('/api/v1/vendor-reports', { json: { ...REPORT, vendor, year: 'soon' } })).status).toBe(400);
  });

  it('files a report through the portal form without script', async () => {
    await createUser(getStore(), `portal-rep-${silentVendor}`, 'contributor');
    await getStore().transaction((tx) => grantRole({ ctx: SYSTEM_CONTEXT, grant: { username: `portal-rep-${silentVendor}`, role: 'vendor-representative', scope: `vendor:${silentVendor}` }, scopeExists: async () => true }, tx));
    const browser = new PortalClient(app);
    await browser.signIn(`portal-rep-${silentVendor}`, TEST_PASSWORD);
    const form = await browser.get(`/vendor-reports/new?vendor=${silentVendor}`);
    expect(form.text).toContain('<label for="report-sales">Sales made</label>');
    const bad = await browser.postForm('/vendor-reports/new', { vendor: silentVendor, year: '2024', selfIdentification: 'Quiet', products: 'Implant', dueDiligence: 'None', risksAddressed: 'None', sales: 'US | Martians | x', rejectedClients: '' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Sales made');
    const res = await browser.postForm('/vendor-reports/new', { vendor: silentVendor, year: '2024', selfIdentification: 'Quiet', products: 'Implant', dueDiligence: 'None', risksAddressed: 'None', sales: 'US | Law enforcement | pilot', rejectedClients: '' });
    expect(res.status).toBe(303);
    expect(await (await anonymousClient(app).request(`/organizations/${silentVendor}`)).text()).toContain('Transparency report for 2024');
  });

  it('rebuilds reports, annotations, notices and complaints’ public part from the log alone', async () => {
    await anonymousClient(app).request('/api/v1/complaints', { json: { account: 'Someone installed something on my phone last May.', name: 'Replay Marker Name' } });
    await getStore().transaction((tx) => openCase({ ctx: SYSTEM_CONTEXT, workflow: targetNoticeWorkflow, via: 'open', input: { authorization: uniqueId('replayed-auth'), agency: null, dueAt: '2026-05-01T00:00:00.000Z' } }, tx));
    await ledger.sequencer.integrate();
    const target = await openTestStore(dialect);
    try {
      const outcome = await replayLogInto(getStore(), target.store);
      expect(outcome.differences).toEqual([]);
      expect((await target.store.db.selectFrom('vendorReports').select('id').execute()).length).toBeGreaterThan(0);
      expect((await target.store.db.selectFrom('targetNotices').select('id').execute()).length).toBeGreaterThan(0);
      const complaints = await target.store.db.selectFrom('complaints').selectAll().execute();
      expect(complaints.length).toBeGreaterThan(0);
      expect(complaints.every((c) => c.nameRef === null && c.receiptHash === null)).toBe(true);
    } finally {
      await target.dispose();
    }
  });

  it('opens a notice when an authorisation’s delayed-notice date passes (test-only event), tracked until sent', async () => {
    const declared = EVENT_DEFINITIONS.some((d) => d.type === TARGET_NOTICE_DUE_EVENT);
    // The stand-in declares the entry exactly as the oversight module does (the kernel's deadline data), until it is merged.
    const definitions = declared ? EVENT_DEFINITIONS : [...EVENT_DEFINITIONS, defineEvent({ type: TARGET_NOTICE_DUE_EVENT, summary: 'test stand-in', data: deadlineFiredData, sealed: [] })];
    const unscoped = uniqueId('auth-unscoped');
    // The agency comes from a lookup here: authorisations live in another module.
    const agencyOf = async (id: string) => (id === unscoped ? null : agency);
    const subscribers = [...SUBSCRIBERS.filter((s) => s.name !== 'disclosure.open-target-notice'), targetNoticeSubscriber(TARGET_NOTICE_DUE_EVENT, { agencyOf })];
    const store = getStore().withEvents(new EventRuntime(new EventCatalogue(definitions), subscribers));
    const authorization = uniqueId('auth');
    const due = (extra: Record<string, unknown>) => store.transaction((tx) => tx.log.append({ type: TARGET_NOTICE_DUE_EVENT, actor: 'system', time: '2026-06-01T00:00:00.000Z', subjects: [`authorization:${authorization}`], data: { deadline: '4f6e0a7e-9a55-4c3e-9a0e-3b1f2c1d0e9f', caseType: 'authorization', case: authorization, kind: 'delayed-notice', dueAt: '2026-06-01T00:00:00.000Z', dueDate: '2026-06-01', ...extra } }));
    await due({});
    await due({});
    const { items } = (await (await anonymousClient(app).request('/api/v1/target-notices')).json()) as { items: { id: string; authorizationId: string; agency: string | null; status: string }[] };
    const mine = items.filter((n) => n.authorizationId === authorization);
    expect(mine).toEqual([expect.objectContaining({ agency, status: 'due' })]);
    const id = mine[0]?.id ?? '';
    const officer = await quickClient(app, getStore(), `officer-${agency}`, 'contributor');
    await getStore().transaction((tx) => grantRole({ ctx: SYSTEM_CONTEXT, grant: { username: `officer-${agency}`, role: 'officer', scope: `agency:${agency}` }, scopeExists: async () => true }, tx));
    expect((await rep.request(`/api/v1/target-notices/${id}/prepare`, { json: {} })).status).toBe(403);
    expect((await officer.request(`/api/v1/target-notices/${id}/send`, { json: { sentOn: '2026-06-02', method: 'post' } })).status).toBe(409);
    expect((await officer.request(`/api/v1/target-notices/${id}/prepare`, { json: {} })).status).toBe(200);
    expect((await officer.request(`/api/v1/target-notices/${id}/send`, { json: { sentOn: '2999-01-01', method: 'post' } })).status).toBe(400);
    expect((await officer.request(`/api/v1/target-notices/${id}/send`, { json: { sentOn: '2026-06-02', method: 'pigeon' } })).status).toBe(400);
    const sent = await officer.request(`/api/v1/target-notices/${id}/send`, { json: { sentOn: '2026-06-02', method: 'through-counsel' } });
    expect(sent.status).toBe(200);
    expect(await sent.json()).toMatchObject({ status: 'sent', sentOn: '2026-06-02', method: 'through-counsel' });
    const list = await (await anonymousClient(app).request('/target-notices')).text();
    expect(list).toContain('Through counsel');
    expect(list).toContain(`<a href="/organizations/${agency}">Some Agency</a>`);
    // An entry that names no agency opens a notice only admins can move.
    await store.transaction((tx) => tx.log.append({ type: TARGET_NOTICE_DUE_EVENT, actor: 'system', time: '2026-06-01T00:00:00.000Z', subjects: [], data: { deadline: '5f6e0a7e-9a55-4c3e-9a0e-3b1f2c1d0e9f', caseType: 'authorization', case: unscoped, kind: 'delayed-notice', dueAt: '2026-06-01T00:00:00.000Z', dueDate: null } }));
    const open = (await getStore().db.selectFrom('targetNotices').select(['id', 'agency']).where('authorizationId', '=', unscoped).executeTakeFirstOrThrow());
    expect(open.agency).toBeNull();
    expect((await officer.request(`/api/v1/target-notices/${open.id}/prepare`, { json: {} })).status).toBe(403);
    expect((await (await quickClient(app, getStore(), 'notice-admin', 'admin')).request(`/api/v1/target-notices/${open.id}/prepare`, { json: {} })).status).toBe(200);
  });

});
