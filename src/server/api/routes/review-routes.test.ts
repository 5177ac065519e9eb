import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { grantRole } from '../../../accounts/commands/grant-role.js';
import { createCountersignApp } from '../../../app/create-countersign-app.js';
import { givenGraphiteWorld } from '../../../../test/support/oversight-factories.js';
import { SYSTEM_CONTEXT } from '../../../../test/support/contexts.js';
import { anonymousClient, quickClient, type TestClient } from '../../../../test/support/test-app.js';
import { describeEachBackend } from '../../../../test/support/test-store.js';
import type { AppEnv } from '../../app-env.js';

describeEachBackend('the acquisition review API (the done-when, from outside)', (getStore) => {
  let app: Hono<AppEnv>;
  let w: Awaited<ReturnType<typeof givenGraphiteWorld>>;
  let officer: TestClient;
  let certifier: TestClient;
  beforeAll(async () => {
    const store = getStore();
    app = createCountersignApp({ store, now: () => new Date('2026-11-23T10:00:00Z') });
    w = await givenGraphiteWorld(store);
    officer = await quickClient(app, store, `officer-${w.agency}`, 'contributor');
    certifier = await quickClient(app, store, `certifier-${w.agency}`, 'contributor');
    for (const [username, role] of [[`officer-${w.agency}`, 'officer'], [`certifier-${w.agency}`, 'certifying-official']] as const) {
      await store.transaction((tx) => grantRole({ ctx: SYSTEM_CONTEXT, grant: { username, role, scope: `agency:${w.agency}` }, scopeExists: async () => true }, tx));
    }
  });

  it('opens a review (201 with its id), shows the pre-filled Italian incidents, refuses approval without justification and accepts it with one', async () => {
    const res = await officer.request('/api/v1/acquisition-reviews', { json: { agency: w.agency, product: w.product, vendor: w.vendor, purpose: 'Serious-crime investigations', requestedStart: '2027-01-01' } });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const shown = (await (await anonymousClient(app).request(`/api/v1/acquisition-reviews/${id}`)).json()) as { status: string; factors: { kind: string; evidence: string[]; presence: string }[]; useMayStartOn: string | null; eoSteps: { key: string; state: string }[] };
    expect(shown.status).toBe('open');
    expect(shown.factors.find((f) => f.kind === 'improper-use')).toMatchObject({ presence: 'present', evidence: expect.arrayContaining([`incident:${w.italy}`]) });
    expect(shown.useMayStartOn).toBeNull();
    expect(shown.eoSteps.find((s) => s.key === 'determination')?.state).toBe('pending');

    const dd = await officer.request(`/api/v1/acquisition-reviews/${id}/procurement-steps`, { json: { step: 'due-diligence', on: '2026-11-20', evidence: [`source:${w.source}`] } });
    expect(dd.status).toBe(200);
    const refused = await certifier.request(`/api/v1/acquisition-reviews/${id}/determination`, { json: { decision: 'approve' } });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('justification');
    expect((await officer.request(`/api/v1/acquisition-reviews/${id}/determination`, { json: { decision: 'approve', justification: 'x' } })).status).toBe(403);
    const accepted = await certifier.request(`/api/v1/acquisition-reviews/${id}/determination`, { json: { decision: 'approve', justification: 'Only under warrant, for serious crime.' } });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ status: 'approved', approvalActive: true, determination: { justification: 'Only under warrant, for serious crime.' } });

    const noticed = (await (await officer.request(`/api/v1/acquisition-reviews/${id}/notice`, { json: { notifiedAt: '2026-11-21' } })).json()) as { useMayStartOn: string; noticeGivenOn: string };
    expect(noticed).toMatchObject({ useMayStartOn: '2026-11-28', noticeGivenOn: '2026-11-21' });
    const list = (await (await anonymousClient(app).request(`/api/v1/acquisition-reviews?agency=${w.agency}&status=approved`)).json()) as { items: { id: string }[] };
    expect(list.items.map((r) => r.id)).toContain(id);
  });

  it('answers 400 naming the field for bad input, 404 for an unknown review, and refuses evidence that is not in the registry', async () => {
    const bad = await officer.request('/api/v1/acquisition-reviews', { json: { agency: w.agency, product: w.product, vendor: w.vendor, purpose: 'x y z', requestedStart: 'soon' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('requestedStart');
    expect((await anonymousClient(app).request('/api/v1/acquisition-reviews/no-such-review')).status).toBe(404);
    const { id } = (await (await officer.request('/api/v1/acquisition-reviews', { json: { agency: w.agency, product: w.product, vendor: w.vendor, purpose: 'x y z', requestedStart: '2027' } })).json()) as { id: string };
    const missing = await officer.request(`/api/v1/acquisition-reviews/${id}/factors`, { json: { factor: 'counterintelligence', presence: 'absent', answer: 'None found.', evidence: ['incident:does-not-exist'] } });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(await missing.json())).toContain('incident:does-not-exist');
  });

  it('a Graphite incident recorded through the editorial workflow flips the approval, shown in the API, the Atom feed and the agency calendar', async () => {
    const { id } = (await (await officer.request('/api/v1/acquisition-reviews', { json: { agency: w.agency, product: w.product, vendor: w.vendor, purpose: 'Flip me', requestedStart: '2027' } })).json()) as { id: string };
    expect((await certifier.request(`/api/v1/acquisition-reviews/${id}/determination`, { json: { decision: 'approve', justification: 'ok' } })).status).toBe(200);
    const analyst = await quickClient(app, getStore(), 'api-analyst', 'analyst');
    const editor = await quickClient(app, getStore(), 'api-editor', 'editor');
    const incident = `graphite-${id.slice(0, 8)}`;
    const proposed = await analyst.request('/api/v1/changes', { json: { action: 'upsert', recordType: 'incident', record: { id: incident, title: 'Graphite found on a journalist\'s phone', product: w.product, sources: [w.source] } } });
    expect(proposed.status).toBe(201);
    const change = ((await proposed.json()) as { id: string }).id;
    expect((await editor.request(`/api/v1/changes/${change}/accept`, { json: {} })).status).toBe(200);
    const shown = (await (await anonymousClient(app).request(`/api/v1/acquisition-reviews/${id}`)).json()) as { status: string; approvalActive: boolean; reEvaluations: { trigger: string }[] };
    expect(shown).toMatchObject({ status: 're-evaluation-required', approvalActive: false, reEvaluations: [{ trigger: `incident:${incident}` }] });
    const ics = await (await anonymousClient(app).request(`/api/v1/oversight/calendar.ics?agency=${w.agency}`)).text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('Re-evaluation required');
    const atom = await (await anonymousClient(app).request(`/feeds/acquisition-reviews.atom?agency=${w.agency}`)).text();
    expect(atom).toContain(`incident:${incident}`);
  });

  it('publishes an Atom feed of the agency\'s reviews that says when re-evaluation is required', async () => {
    const res = await anonymousClient(app).request(`/feeds/acquisition-reviews.atom?agency=${w.agency}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/atom+xml');
    expect(await res.text()).toContain(`/acquisition-reviews/`);
  });
});
