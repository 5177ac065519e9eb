import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { loadBundledDataset } from '../../../../test/support/bundled-dataset.js';
import { givenRecords, uniqueId } from '../../../../test/support/registry-factories.js';
import { anonymousClient, quickClient, type TestClient } from '../../../../test/support/test-app.js';
import { describeEachBackend } from '../../../../test/support/test-store.js';
import { createCountersignApp } from '../../../app/create-countersign-app.js';
import type { AppEnv } from '../../app-env.js';

describeEachBackend('POST /api/v1/export-licenses on the bundled dataset', (getStore) => {
  let app: Hono<AppEnv>;
  let admin: TestClient;
  const exporter = uniqueId('exporter');
  const application = (fields: Record<string, unknown> = {}) => ({ exporter, item: 'Mobile spyware licence and training', eccn: '4D004', endUser: 'intellexa-sa', endUse: 'Resale to government customers', destination: 'GR', ...fields });

  beforeAll(async () => {
    const store = getStore();
    await loadBundledDataset(store);
    await givenRecords(store, { organizations: [{ id: exporter, name: 'Factory Exporter Inc.', kind: 'company', country: 'US', sources: ['congress-letter-2021-11-05'] }] });
    app = createCountersignApp({ store });
    admin = await quickClient(app, store, 'licensing-admin', 'admin');
  });

  it('refuses Intellexa S.A. as end user, citing its Entity List listing (BIS, 18 July 2023, Federal Register 2023-15343)', async () => {
    const res = await admin.request('/api/v1/export-licenses', { json: application() });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; status: string; licensingAgency: string; eccnLabel: string; destinationName: string; refusal: { designations: Record<string, unknown>[] } };
    expect(body).toMatchObject({ status: 'refused', licensingAgency: 'bis', destinationName: 'Greece' });
    expect(body.eccnLabel).toContain('intrusion software');
    expect(body.refusal.designations).toContainEqual(expect.objectContaining({ party: 'end-user', subject: 'intellexa-sa', via: null, authority: 'US-BIS', list: 'Entity List', listed: '2023-07-18', sources: ['fr-2023-15343'] }));
    // Anyone can read the refusal, in the list and on its own.
    const one = await anonymousClient(app).request(`/api/v1/export-licenses/${body.id}`);
    expect(one.status).toBe(200);
    const list = (await (await anonymousClient(app).request('/api/v1/export-licenses?status=refused')).json()) as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).toContain(body.id);
  });

  it('answers bad input with a 4xx naming the field, and anonymous callers with 401', async () => {
    for (const [fields, field] of [[{ eccn: '5A01' }, 'eccn'], [{ destination: 'Greece' }, 'destination'], [{ endUser: 'no-such-organisation' }, 'endUser'], [{ endUse: undefined }, 'endUse']] as const) {
      const res = await admin.request('/api/v1/export-licenses', { json: application(fields) });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain(field);
    }
    expect((await admin.request('/api/v1/export-licenses', { json: { ...application(), extra: 1 } })).status).toBe(400);
    expect((await anonymousClient(app).request('/api/v1/export-licenses', { json: application() })).status).toBe(401);
    expect((await admin.request('/api/v1/export-licenses/not-a-uuid')).status).toBe(400);
    expect((await admin.request('/api/v1/export-licenses/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('publishes the seeded destination risk list, every entry citing dataset sources', async () => {
    const { items } = (await (await anonymousClient(app).request('/api/v1/destination-risk-list')).json()) as { items: { country: string; sources: string[] }[] };
    expect(items.length).toBeGreaterThan(0);
    const sources = new Set((await getStore().db.selectFrom('sources').select('id').execute()).map((s) => s.id));
    for (const item of items) for (const source of item.sources) expect(sources.has(source)).toBe(true);
  });
});
