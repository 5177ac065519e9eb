import type { Hono } from 'hono';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousClient, createUser, signedInClient, type TestClient } from '../../../test/support/test-app.js';
import { openTestLedger } from '../../../test/support/test-ledger.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import type { Ledger } from '../../ledger/sequencer/ledger.js';
import type { AppEnv } from '../app-env.js';

interface Operation {
  readonly parameters?: readonly { readonly name: string; readonly in: string }[];
  readonly requestBody?: { readonly content: Record<string, { readonly schema: { readonly properties?: Record<string, unknown> } }> };
}
type OpenApi = { readonly paths: Record<string, Record<string, Operation>> };

// Text no database column or log entry can hold: an unpaired surrogate (no UTF-8 form; canonical
// JSON refuses it) and a NUL (PostgreSQL refuses it). JSON.stringify writes them as \u escapes.
const BAD_TEXT = ['a\ud800', 'a\u0000b'];
const BAD_QUERY_VALUES = ['a%00b'];

function isOpenApi(value: unknown): value is OpenApi {
  return typeof value === 'object' && value !== null && 'paths' in value && typeof value.paths === 'object';
}

describeEachBackend('every API route answers bad text with 400, never 500', (getStore) => {
  let app: Hono<AppEnv>;
  let admin: TestClient;
  let anonymous: TestClient;
  let ledger: Ledger;
  beforeAll(async () => {
    ledger = await openTestLedger(getStore());
    // The whole app `serve` runs: API, alerts, the log's API and the portal.
    app = createCountersignApp({ store: getStore(), ledger });
    await createUser(getStore(), 'root', 'admin');
    anonymous = anonymousClient(app);
    admin = await signedInClient(app, 'root');
  });
  afterAll(async () => ledger?.close());

  it('answers the issue\'s cases with 400 naming the field', async () => {
    for (const subject of ['a\ud800', 'a\u0000b']) {
      const res = await anonymous.request('/api/v1/tips', { json: { subject, body: '0123456789' } });
      expect(res.status, JSON.stringify(subject)).toBe(400);
      expect(((await res.json()) as { errors?: { path: string }[] }).errors?.[0]?.path).toBe('subject');
    }
    const proposal = await admin.request('/api/v1/changes', { json: { action: 'upsert', recordType: 'organization', record: { id: 'x', name: 'a\ud800', kind: 'vendor', sources: ['s'] } } });
    expect(proposal.status).toBe(400);
    expect(((await proposal.json()) as { errors?: { path: string }[] }).errors?.[0]?.path).toBe('record.name');
    for (const path of ['/api/v1/log/entries?subject=a%00b', '/api/v1/alerts?organization=a%00b', '/api/v1/changes?recordId=a%00b', '/api/v1/designations?authority=a%00b']) {
      expect((await anonymous.request(path)).status, path).toBe(400);
    }
    // The portal's filters and forms share the boundary (parseInput).
    for (const path of ['/alerts?organization=a%00b', '/log?subject=a%00b', '/designations?authority=a%00b', '/search?q=a%00b']) {
      expect((await anonymous.request(path)).status, path).toBe(400);
    }
  });

  it('walks every route of the OpenAPI document with such text in each path, query and body field', async () => {
    const json: unknown = await (await anonymous.request('/api/v1/openapi.json')).json();
    if (!isOpenApi(json)) throw new Error('no OpenAPI document');
    const failures: string[] = [];
    let requests = 0;
    const probe = async (who: string, client: TestClient, method: string, path: string, body?: unknown): Promise<void> => {
      requests++;
      const res = await client.request(path, { method: method.toUpperCase(), ...(body === undefined ? {} : { json: body }) });
      if (res.status >= 500) failures.push(`${who} ${method.toUpperCase()} ${path} ${JSON.stringify(body) ?? ''} → ${res.status}`);
    };
    for (const [template, operations] of Object.entries(json.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const inPath = (operation.parameters ?? []).some((p) => p.in === 'path');
        const query = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        const fields = Object.keys(operation.requestBody?.content['application/json']?.schema.properties ?? {});
        const url = (value = 'x') => `/api/v1${template.replace(/\{\w+\}/g, value)}`;
        for (const [who, client] of [['anonymous', anonymous], ['admin', admin]] as const) {
          for (const value of BAD_QUERY_VALUES) {
            if (inPath) await probe(who, client, method, url(value));
            for (const name of query) await probe(who, client, method, `${url()}?${name}=${value}`);
          }
          for (const text of BAD_TEXT) {
            for (const field of fields) await probe(who, client, method, url(), { [field]: text });
            if (operation.requestBody) await probe(who, client, method, url(), { [text]: 1 });
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(200);
  });
});
