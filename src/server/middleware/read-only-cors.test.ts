import type { Hono } from 'hono';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestLedger } from '../../../test/support/test-ledger.js';
import { anonymousClient, createUser, signedInClient, type TestClient } from '../../../test/support/test-app.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import type { Ledger } from '../../ledger/sequencer/ledger.js';
import type { AppEnv } from '../app-env.js';
import { createApp } from '../create-app.js';
import { mountLog } from '../mount-log.js';

describeEachBackend('CORS on the read-only API', (getStore) => {
  let app: Hono<AppEnv>;
  let ledger: Ledger;
  let anonymous: TestClient;
  beforeAll(async () => {
    ledger = await openTestLedger(getStore());
    app = createApp({ store: getStore(), mount: [mountLog(getStore(), ledger)] });
    anonymous = anonymousClient(app);
    await createUser(getStore(), 'cora', 'contributor');
  });
  afterAll(async () => {
    await ledger?.close();
  });

  const allowed = (res: Response) => res.headers.get('access-control-allow-origin');

  it('lets any origin read the API and the log files with GET and HEAD', async () => {
    for (const path of ['/api/v1/organizations', '/api/v1/search?q=paragon', '/api/v1/openapi.json', '/log/key', '/api/v1/organizations/no-such-org']) {
      expect(allowed(await anonymous.request(path)), path).toBe('*');
    }
    expect(allowed(await anonymous.request('/api/v1/organizations', { method: 'HEAD' }))).toBe('*');
  });

  it('answers a preflight for a read with GET and HEAD allowed, never credentials, and none for a write', async () => {
    const ask = (path: string, method: string) => app.request(`http://localhost${path}`, { method: 'OPTIONS', headers: { origin: 'https://news.example', 'access-control-request-method': method, 'access-control-request-headers': 'accept' } });
    const read = await ask('/api/v1/search?q=ice', 'GET');
    expect(read.status).toBe(204);
    expect(allowed(read)).toBe('*');
    expect(read.headers.get('access-control-allow-methods')).toBe('GET, HEAD');
    expect(read.headers.get('access-control-allow-headers')).toContain('accept');
    expect(read.headers.get('access-control-allow-credentials')).toBeNull();
    expect(allowed(await ask('/log/checkpoint', 'HEAD'))).toBe('*');
    expect(allowed(await ask('/api/v1/tips', 'POST'))).toBeNull();
    expect(allowed(await ask('/api/v1/session', 'GET'))).toBeNull();
    expect(allowed(await ask('/organizations', 'GET'))).toBeNull();
  });

  it('gives writes, the session and token endpoints and signed-in requests no CORS header', async () => {
    expect(allowed(await anonymous.request('/api/v1/tips', { json: { subject: 'x', body: 'y' } }))).toBeNull();
    expect(allowed(await anonymous.request('/api/v1/session'))).toBeNull();
    expect(allowed(await anonymous.request('/api/v1/tokens'))).toBeNull();
    const signedIn = await signedInClient(app, 'cora');
    const res = await signedIn.request('/api/v1/organizations');
    expect(res.status).toBe(200);
    expect(allowed(res)).toBeNull();
  });

  it('leaves pages outside the API alone', async () => {
    expect(allowed(await anonymous.request('/log'))).toBeNull();
    expect(allowed(await anonymous.request('/'))).toBeNull();
  });
});
