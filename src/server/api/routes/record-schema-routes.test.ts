import { beforeAll, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { describeEachBackend } from '../../../../test/support/test-store.js';
import { createCountersignApp } from '../../../app/create-countersign-app.js';
import type { AppEnv } from '../../app-env.js';

describeEachBackend('record schemas in the API', (getStore) => {
  let app: Hono<AppEnv>;
  beforeAll(() => {
    app = createCountersignApp({ store: getStore() });
  });

  it('documents what a proposal’s record must look like, from the schema that validates it', async () => {
    const res = await app.request('http://localhost/api/v1/record-schemas/organization');
    expect(res.status).toBe(200);
    const schema = (await res.json()) as { type: string; required: string[]; properties: Record<string, { enum?: string[] }> };
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'name', 'kind', 'sources']));
    expect(schema.properties['kind']?.enum).toContain('government-agency');
    expect((await app.request('http://localhost/api/v1/record-schemas/spaceship')).status).toBe(400);
    const openapi = await (await app.request('http://localhost/api/v1/openapi.json')).text();
    expect(openapi).toContain('/record-schemas/{recordType}');
  });
});
