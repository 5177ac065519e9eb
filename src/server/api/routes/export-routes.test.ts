import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../../../test/support/test-store.js';
import { loadBundledDataset } from '../../../../test/support/bundled-dataset.js';
import { anonymousClient } from '../../../../test/support/test-app.js';
import type { AppEnv } from '../../app-env.js';
import { createApp } from '../../create-app.js';

describeEachBackend('GET /api/v1/export', (getStore) => {
  let app: Hono<AppEnv>;
  beforeAll(async () => {
    await loadBundledDataset(getStore());
    app = createApp({ store: getStore() });
  });
  const get = (query: string) => anonymousClient(app).request(`/api/v1/export${query}`);
  /** Rows of a table: what an export must hold, whatever the bundled dataset holds today. */
  const countOf = async (table: 'organizations' | 'designations') =>
    Number((await getStore().db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('sends a CSV table as text/csv with a file name', async () => {
    const res = await get('?format=csv&type=organizations');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="countersign-organizations.csv"');
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toMatch(/^id,name,kind,country,/);
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(1 + (await countOf('organizations')));
  });

  it('sends NDJSON records and FtM entities as application/x-ndjson', async () => {
    const ndjson = await get('?format=ndjson&type=designations');
    expect(ndjson.headers.get('content-type')).toBe('application/x-ndjson');
    expect(ndjson.headers.get('content-disposition')).toBe('attachment; filename="countersign-designations.ndjson"');
    expect((await ndjson.text()).trimEnd().split('\n').map((l) => (JSON.parse(l) as { type: string }).type)).toEqual(Array(await countOf('designations')).fill('designation'));

    const ftm = await get('?format=ftm');
    expect(ftm.status).toBe(200);
    expect(ftm.headers.get('content-type')).toBe('application/x-ndjson');
    expect(ftm.headers.get('content-disposition')).toBe('attachment; filename="countersign.ftm.json"');
    const entities = (await ftm.text()).trimEnd().split('\n').map((l) => JSON.parse(l) as { id: string; schema: string });
    expect(entities.find((e) => e.id === 'countersign-org-intellexa-sa')?.schema).toBe('Company');
    expect(entities.filter((e) => e.schema === 'Sanction')).toHaveLength(await countOf('designations'));
  });

  it('answers 400 with a problem for a bad format, a bad type, CSV without a type, or a type FtM cannot tell', async () => {
    for (const [query, path] of [['?format=xml&type=organizations', 'format'], ['?format=csv&type=vendors', 'type'], ['?format=csv', 'type'], ['?format=ftm&type=products', 'type'], ['', 'format']] as const) {
      const res = await get(query);
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      const problem = (await res.json()) as { code: string; errors: { path: string }[] };
      expect(problem.code).toBe('INVALID_INPUT');
      expect(problem.errors.map((e) => e.path)).toContain(path);
    }
  });

  it('is in the OpenAPI document with its query parameters', async () => {
    const doc = (await (await anonymousClient(app).request('/api/v1/openapi.json')).json()) as { paths: Record<string, { get?: { operationId: string; parameters: { name: string; required: boolean; schema: { enum?: string[] } }[] } }> };
    const operation = doc.paths['/export']?.get;
    expect(operation?.operationId).toBe('exportRegistry');
    expect(operation?.parameters.map((p) => [p.name, p.required, p.schema.enum?.length])).toEqual([
      ['format', true, 3], ['type', false, 10],
      // An index page's filters, for exporting exactly what it shows.
      ['country', false, undefined], ['kind', false, undefined], ['status', false, 3], ['authority', false, undefined], ['available', false, 3], ['from', false, undefined], ['to', false, undefined],
    ]);
  });
});
