import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileServer, type HostileServer } from '../../test/support/hostile-http-server.js';
import { BoundedFetchError } from './bounded-fetch-error.js';
import { fetchBounded } from './fetch-bounded.js';

async function failure(promise: Promise<unknown>): Promise<BoundedFetchError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BoundedFetchError) return error;
    throw error;
  }
  throw new Error('the request was accepted');
}

describe('fetchBounded against a hostile server on 127.0.0.1', () => {
  let server: HostileServer;
  beforeAll(async () => {
    server = await startHostileServer({
      '/endless': { kind: 'endless' },
      '/drip': { kind: 'drip', everyMs: 20 },
      '/silent': { kind: 'silent' },
      '/declares': { kind: 'declares', bytes: 10 * 1024 * 1024 * 1024 },
      '/ok': { kind: 'body', body: 'hello' },
      '/refused': { kind: 'body', status: 503, body: 'later' },
    });
  });
  afterAll(() => server.close());

  it('stops reading an endless body at the limit, naming the URL and the limit', async () => {
    const before = server.sent();
    const error = await failure(fetchBounded(`${server.url}/endless`, { maxBytes: 100_000 }));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain(`${server.url}/endless`);
    expect(error.message).toContain('100000 bytes');
    // Cut off at the limit: the server could push only what socket buffers hold past it.
    expect(server.sent() - before).toBeLessThan(20 * 1024 * 1024);
  });

  it('refuses a declared Content-Length above the limit before reading', async () => {
    const error = await failure(fetchBounded(`${server.url}/declares`, { maxBytes: 4096 }));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('declares 10737418240 bytes');
  });

  it('cuts a dripping body at the overall timeout', async () => {
    const started = Date.now();
    const error = await failure(fetchBounded(`${server.url}/drip`, { maxBytes: 1_000_000, timeoutMs: 400 }));
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toContain('400 ms');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('gives up on a server that never answers at the connect timeout', async () => {
    const error = await failure(fetchBounded(`${server.url}/silent`, { maxBytes: 1000, connectTimeoutMs: 300, timeoutMs: 5000 }));
    expect(error.code).toBe('CONNECT_TIMEOUT');
    expect(error.message).toContain(`${server.url}/silent`);
  });

  it('names a refused connection', async () => {
    const closed = await startHostileServer({});
    const url = `${closed.url}/x`;
    await closed.close();
    const error = await failure(fetchBounded(url, { maxBytes: 1000 }));
    expect(error.code).toBe('FETCH_FAILED');
    expect(error.message).toContain(url);
  });

  it('returns a small body and any status', async () => {
    const ok = await fetchBounded(`${server.url}/ok`, { maxBytes: 5 });
    expect(new TextDecoder().decode(ok.body)).toBe('hello');
    expect((await fetchBounded(`${server.url}/refused`, { maxBytes: 100 })).status).toBe(503);
  });

  it('holds its limits when the fetch it is given ignores the abort signal', async () => {
    let pulls = 0;
    const endless = new ReadableStream<Uint8Array>({ pull: (controller) => controller.enqueue(new Uint8Array(1024).fill(pulls++ % 256)) });
    const deaf = async (): Promise<Response> => new Response(endless);
    expect((await failure(fetchBounded('http://deaf.test/', { maxBytes: 10_000 }, {}, deaf))).code).toBe('TOO_LARGE');
    const never = new ReadableStream<Uint8Array>({ pull: () => new Promise<void>(() => undefined) });
    const hanging = async (): Promise<Response> => new Response(never);
    expect((await failure(fetchBounded('http://deaf.test/', { maxBytes: 10_000, timeoutMs: 200 }, {}, hanging))).code).toBe('TIMEOUT');
  });
});
