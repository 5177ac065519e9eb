import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileServer, type HostileServer } from '../../../test/support/hostile-http-server.js';
import { ProcurementError } from '../procurement-error.js';
import { createFetchHttpClient } from './json-http-client.js';

async function failure(promise: Promise<unknown>): Promise<ProcurementError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProcurementError) return error;
    throw error;
  }
  throw new Error('the answer was accepted');
}

describe('the USAspending client against a hostile API on 127.0.0.1', () => {
  let server: HostileServer;
  beforeAll(async () => {
    server = await startHostileServer({ '/endless': { kind: 'endless' }, '/drip': { kind: 'drip', everyMs: 20 }, '/garbage': { kind: 'body', body: '<html>' } });
  });
  afterAll(() => server.close());

  it('stops an endless answer at its size limit without retrying, and cuts a dripping one', async () => {
    const client = createFetchHttpClient({ maxBytes: 1_000_000, timeoutMs: 300, retries: 1, backoffMs: 1 });
    const endless = await failure(client.postJson(`${server.url}/endless`, {}));
    expect(endless.message).toContain('1000000 bytes');
    expect((await failure(client.postJson(`${server.url}/drip`, {}))).message).toContain('overall limit of 300 ms');
    expect((await failure(client.postJson(`${server.url}/garbage`, {}))).code).toBe('BAD_API_RESPONSE');
  });
});
