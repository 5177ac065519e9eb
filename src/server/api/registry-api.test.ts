import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { loadBundledDataset } from '../../../test/support/bundled-dataset.js';
import { anonymousClient, createUser, signedInClient } from '../../../test/support/test-app.js';
import type { AppEnv } from '../app-env.js';
import { createApp } from '../create-app.js';

type Json = Record<string, unknown> & { items?: Json[] };

describeEachBackend('registry API', (getStore) => {
  let app: Hono<AppEnv>;
  beforeAll(async () => {
    await loadBundledDataset(getStore());
    app = createApp({ store: getStore() });
    await createUser(getStore(), 'ana', 'analyst');
    await createUser(getStore(), 'eddie', 'editor');
  });

  it('answers a search with Paragon Solutions (US) Inc. and Paragon Solutions Ltd. first (an ordinary word that is an alias does not jump ahead)', async () => {
    const res = await anonymousClient(app).request('/api/v1/search?q=paragon');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: { type: string; id: string; name: string; url: string }[] };
    expect(body.results.slice(0, 2).map((r) => [r.name, r.url])).toEqual([
      ['Paragon Solutions (US) Inc.', '/organizations/paragon-solutions-us'],
      ['Paragon Solutions Ltd.', '/organizations/paragon-solutions'],
    ]);
  });

  it('returns an organization with its contract, transactions and their sources', async () => {
    const res = await anonymousClient(app).request('/api/v1/organizations/paragon-solutions-us');
    const body = (await res.json()) as { contracts: { contract: { piid: string }; transactions: { event: string; date: string; sources: string[] }[]; sources: Record<string, { title: string }> }[]; relationships: { relationship: { type: string }; other: { id: string } }[] };
    const contract = body.contracts.find((c) => c.contract.piid === '70CTD024P00000012');
    expect(contract?.transactions.map((t) => [t.event, t.date])).toEqual([['award', '2024-09-27'], ['stop-work', '2024-10-08'], ['stop-work-lifted', '2025-09']]);
    for (const t of contract?.transactions ?? []) for (const s of t.sources) expect(contract?.sources[s]?.title).toBeTruthy();
    expect(body.relationships.map((r) => [r.relationship.type, r.other.id])).toContainEqual(['subsidiary-of', 'paragon-solutions']);
    const byPiid = await anonymousClient(app).request('/api/v1/contracts/70CTD024P00000012');
    expect(((await byPiid.json()) as { recipient: { id: string } }).recipient.id).toBe('paragon-solutions-us');
  });

  it('shows both of Intellexa S.A.\'s designations with their dates', async () => {
    const body = (await (await anonymousClient(app).request('/api/v1/organizations/intellexa-sa')).json()) as { timeline: { date: string; kind: string; designation: { authority: string; list: string } }[] };
    expect(body.timeline.map((e) => [e.date, e.kind, e.designation.authority, e.designation.list])).toEqual([
      ['2023-07-18', 'listed', 'US-BIS', 'Entity List'],
      ['2024-03-05', 'listed', 'US-OFAC', 'SDN'],
    ]);
  });

  it('keeps an analyst\'s proposal invisible until an editor accepts it', async () => {
    const analyst = await signedInClient(app, 'ana');
    const editor = await signedInClient(app, 'eddie');
    const proposal = { action: 'upsert', recordType: 'organization', record: { id: 'memento-labs', name: 'Memento Labs S.r.l.', kind: 'vendor', country: 'IT', sources: ['citizenlab-2025-03-19'] } };
    const proposed = await analyst.request('/api/v1/changes', { json: proposal });
    expect(proposed.status).toBe(201);
    const change = (await proposed.json()) as { id: string; status: string };
    expect(change.status).toBe('pending');
    expect((await anonymousClient(app).request('/api/v1/organizations/memento-labs')).status).toBe(404);
    const search = (await (await anonymousClient(app).request('/api/v1/search?q=memento')).json()) as { results: unknown[] };
    expect(search.results).toEqual([]);
    const publicPending = (await (await anonymousClient(app).request('/api/v1/changes?status=pending')).json()) as Json;
    expect(publicPending.items?.some((c) => c.id === change.id)).toBe(false);

    expect((await analyst.request(`/api/v1/changes/${change.id}/accept`, { json: {} })).status).toBe(403);
    const accepted = await editor.request(`/api/v1/changes/${change.id}/accept`, { json: { note: 'checked' } });
    expect(accepted.status).toBe(200);
    const org = (await (await anonymousClient(app).request('/api/v1/organizations/memento-labs')).json()) as { organization: { name: string }; history: { id: string }[] };
    expect(org.organization.name).toBe('Memento Labs S.r.l.');
    expect(org.history.map((h) => h.id)).toContain(change.id);
  });

  it('shows a delisting on the designation timeline', async () => {
    const editor = await signedInClient(app, 'eddie');
    const res = await editor.request('/api/v1/designations/coseinc--us-bis--entity-list--2021-11-03/delisting', { json: { delisted: '2026-02-01', reason: 'removed by final rule', sources: ['commerce-2021-11-03'] } });
    expect(res.status).toBe(200);
    const body = (await (await anonymousClient(app).request('/api/v1/organizations/coseinc')).json()) as { timeline: { date: string; kind: string }[] };
    expect(body.timeline.map((e) => [e.date, e.kind])).toEqual([['2021-11-03', 'listed'], ['2026-02-01', 'delisted']]);
    const again = await editor.request('/api/v1/designations/coseinc--us-bis--entity-list--2021-11-03/delisting', { json: { delisted: '2026-03-01', sources: ['commerce-2021-11-03'] } });
    expect(again.status).toBe(409);
  });

  it('refuses unauthorised writes with 401 or 403 and changes nothing', async () => {
    const anonymous = anonymousClient(app);
    const designation = { subject: 'candiru', authority: 'US-OFAC', list: 'SDN', listed: '2026-01-01', sources: ['commerce-2021-11-03'] };
    expect((await anonymous.request('/api/v1/designations', { json: designation })).status).toBe(401);
    const analyst = await signedInClient(app, 'ana');
    expect((await analyst.request('/api/v1/designations', { json: designation })).status).toBe(403);
    const body = (await (await anonymous.request('/api/v1/designations?subject=candiru')).json()) as Json;
    expect(body.items?.length).toBe(1);
  });

  it('rejects a cookie-authenticated write without the CSRF token', async () => {
    const res = await anonymousClient(app).request('/api/v1/session', { json: { username: 'ana', password: 'correct horse battery staple' } });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly/);
    const write = await anonymousClient(app).request('/api/v1/changes', { json: { action: 'upsert', recordType: 'source', record: { id: 'x', title: 'X' } }, headers: { cookie } });
    expect(write.status).toBe(403);
  });

  it('answers invalid payloads with 400 problem details naming the fields', async () => {
    const analyst = await signedInClient(app, 'ana');
    const res = await analyst.request('/api/v1/changes', { json: { action: 'upsert', recordType: 'organization', record: { id: 'Bad Id', name: '', kind: 'spy', sources: [] } } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const problem = (await res.json()) as { errors: { path: string }[]; status: number };
    expect(problem.status).toBe(400);
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['record.id', 'record.kind', 'record.name', 'record.sources']);
  });

  it('answers unknown ids with 404 problem details', async () => {
    const res = await anonymousClient(app).request('/api/v1/organizations/no-such-org');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { code: string }).code).toBe('NOT_FOUND');
  });

  it('accepts tips from anyone into a queue only analysts can read', async () => {
    const tip = await anonymousClient(app).request('/api/v1/tips', { json: { subject: 'A new contract', body: 'Agency X signed a contract with a spyware vendor last week.' } });
    expect(tip.status).toBe(201);
    expect((await anonymousClient(app).request('/api/v1/tips')).status).toBe(401);
    const queue = (await (await (await signedInClient(app, 'ana')).request('/api/v1/tips?status=pending')).json()) as Json;
    expect(queue.items?.map((t) => t.subject)).toContain('A new contract');
  });

  it('lets a script act with an API token', async () => {
    const editor = await signedInClient(app, 'eddie');
    const { token } = (await (await editor.request('/api/v1/tokens', { json: { name: 'script' } })).json()) as { token: string };
    const res = await app.request('http://localhost/api/v1/records/organization/ae-industrial-partners/status', {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ status: 'verified' }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { previous: string }).previous).toBe('reported');
    const bad = await app.request('http://localhost/api/v1/session', { headers: { authorization: 'Bearer cs_nope' } });
    expect(bad.status).toBe(401);
  });

  it('publishes an OpenAPI 3.1 document of every route', async () => {
    const doc = (await (await anonymousClient(app).request('/api/v1/openapi.json')).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/search', '/organizations/{id}', '/contracts/{piid}', '/changes', '/tips', '/sources/{id}']));
    expect(doc.paths['/search']?.get).toMatchObject({ operationId: 'search' });
  });
});
