import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { grantRole } from '../../../accounts/commands/grant-role.js';
import { createCountersignApp } from '../../../app/create-countersign-app.js';
import { runReviewStep } from '../../../oversight/reviews/review-commands.js';
import { anAuthorizationRequest, givenReview, staffOf } from '../../../oversight/testing/uses-fixtures.js';
import { contextFor, SYSTEM_CONTEXT } from '../../../../test/support/contexts.js';
import { givenRecords, uniqueId } from '../../../../test/support/registry-factories.js';
import { anonymousClient, createUser, signedInClient, type TestClient } from '../../../../test/support/test-app.js';
import { describeEachBackend } from '../../../../test/support/test-store.js';
import type { AppEnv } from '../../app-env.js';

const NOW = new Date('2026-11-23T10:00:00Z');

describeEachBackend('API: offence categories, authorisations, uses, audits', (getStore) => {
  let app: Hono<AppEnv>;
  let officer: TestClient;
  let auditor: TestClient;
  let w: { agency: string; product: string; vendor: string };
  let review: string;
  beforeAll(async () => {
    const store = getStore();
    app = createCountersignApp({ store, now: () => NOW });
    const source = uniqueId('src');
    w = { agency: uniqueId('agency'), product: uniqueId('graphite'), vendor: uniqueId('vendor') };
    await givenRecords(store, {
      sources: [{ id: source, title: 'Report', publisher: 'Factory Press' }],
      organizations: [{ id: w.vendor, name: `Vendor ${w.vendor}`, kind: 'vendor', sources: [source] }, { id: w.agency, name: `Agency ${w.agency}`, kind: 'government-agency', country: 'US', sources: [source] }],
      products: [{ id: w.product, name: 'Graphite', vendor: w.vendor, sources: [source] }],
    });
    review = await store.transaction((tx) => givenReview(tx, (actor) => contextFor(actor, NOW), w, { notifiedAt: '2026-02-01' }));
    for (const [username, role] of [['oona', 'officer'], ['aki', 'auditor']] as const) {
      await createUser(store, username, 'contributor');
      await store.transaction((tx) => grantRole({ ctx: SYSTEM_CONTEXT, grant: { username, role, scope: `agency:${w.agency}` }, scopeExists: async () => true }, tx));
    }
    officer = await signedInClient(app, 'oona');
    auditor = await signedInClient(app, 'aki');
  });

  it('lists the configured categories with id, label and statute', async () => {
    const res = await anonymousClient(app).request('/api/v1/offence-categories');
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { id: string; label: string; statute: string }[] };
    expect(items.find((c) => c.id === 'murder')).toEqual({ id: 'murder', label: 'Murder', statute: expect.stringContaining('§ 2516(1)(b)') });
  });

  it('refuses an authorisation without a category (400) and one before the notice clock (409, naming the date); grants a good one (201)', async () => {
    const { offenceCategory: _none, ...noCategory } = anAuthorizationRequest(review);
    const missing = await officer.request('/api/v1/authorizations', { json: noCategory });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(await missing.json())).toContain('offenceCategory');
    const early = await officer.request('/api/v1/authorizations', { json: anAuthorizationRequest(review, { validFrom: '2026-02-07' }) });
    expect(early.status).toBe(409);
    expect(((await early.json()) as { detail: string }).detail).toContain('opens on 2026-02-08');
    const created = await officer.request('/api/v1/authorizations', { json: anAuthorizationRequest(review) });
    expect(created.status).toBe(201);
    const body = (await created.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ review, offenceCategory: 'drug-offences', unsealed: {} });
    expect(JSON.stringify(body)).not.toContain('00417');
    expect(body).not.toHaveProperty('docketRef');
  });

  it('a use under a stopped approval is recorded (201) with its finding; an authorisation under it is refused', async () => {
    const stopped = await getStore().transaction((tx) => givenReview(tx, (actor) => contextFor(actor, NOW), w, { notifiedAt: '2026-02-01' }));
    const granted = (await (await officer.request('/api/v1/authorizations', { json: anAuthorizationRequest(stopped) })).json()) as { id: string };
    await getStore().transaction((tx) => runReviewStep({ ctx: contextFor(staffOf('officer', w.agency), NOW), id: stopped, action: 'stop-work', input: { reason: 'to review and verify compliance with Executive Order 14093' } }, tx));
    const refused = await officer.request('/api/v1/authorizations', { json: anAuthorizationRequest(stopped) });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { detail: string }).detail).toContain('not an active approval');
    const use = await officer.request('/api/v1/uses', { json: { authorization: granted.id, dataCategories: ['messages'], occurredAt: '2026-03-03T08:00:00Z' } });
    expect(use.status).toBe(201);
    expect(((await use.json()) as { findings: { kind: string }[] }).findings.map((f) => f.kind)).toEqual(['use-under-suspended-approval']);
  });

  it('runs an audit (201) and signs it off; GET /audits and /audits/{id} show it', async () => {
    expect((await officer.request('/api/v1/audits', { json: { agency: w.agency, periodStart: '2026-01-01', periodEnd: '2026-12-31' } })).status).toBe(403);
    const run = await auditor.request('/api/v1/audits', { json: { agency: w.agency, periodStart: '2026-01-01', periodEnd: '2026-12-31' } });
    expect(run.status).toBe(201);
    const audit = (await run.json()) as { id: string; findingsByKind: Record<string, number> };
    expect(audit.findingsByKind['use-under-suspended-approval']).toBe(1);
    expect((await auditor.request(`/api/v1/audits/${audit.id}/sign-off`, { json: {} })).status).toBe(200);
    const shown = (await (await anonymousClient(app).request(`/api/v1/audits/${audit.id}`)).json()) as { status: string; statistics: { byOffence: unknown[] } };
    expect(shown.status).toBe('signed-off');
    expect(shown.statistics.byOffence.length).toBeGreaterThan(0);
    const list = (await (await anonymousClient(app).request(`/api/v1/audits?agency=${w.agency}`)).json()) as { total: number };
    expect(list.total).toBe(1);
  });
});
