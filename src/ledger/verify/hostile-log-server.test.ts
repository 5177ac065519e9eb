import { afterEach, describe, expect, it } from 'vitest';
import { startHostileServer, type HostileBehaviour, type HostileServer } from '../../../test/support/hostile-http-server.js';
import { generateSignerKey, parseSignerKey } from '../note/signer-key.js';
import { MemoryLog } from '../tiles/memory-log.js';
import { fetchVerifierKey } from './fetch-verifier-key.js';
import { RemoteLogError } from './remote-log-error.js';
import { verifyRemoteLog } from './verify-remote-log.js';

// A real server on 127.0.0.1 and the real fetch: the limits must hold on a socket, not only
// against an in-process app.
const ORIGIN = 'countersign.test/hostile';
const keys = generateSignerKey(ORIGIN);
const log = new MemoryLog({ origin: ORIGIN, signer: parseSignerKey(keys.signerKey) });
for (let i = 0; i < 300; i++) log.append(new TextEncoder().encode(`{"entry":${i}}`));
const checkpoint = log.publishCheckpoint();

/** The honest log's resources, with some paths replaced by hostile behaviours. */
async function honestExcept(hostile: Record<string, HostileBehaviour>): Promise<Record<string, HostileBehaviour>> {
  return {
    '/log/key': { kind: 'body', body: keys.verifierKey },
    '/log/checkpoint': { kind: 'body', body: checkpoint },
    '/log/tile/entries/000': { kind: 'body', body: await log.readEntryBundle({ index: 0n, width: 256 }) },
    '/log/tile/entries/001.p/44': { kind: 'body', body: await log.readEntryBundle({ index: 1n, width: 44 }) },
    '/log/tile/0/000': { kind: 'body', body: await log.readTile({ level: 0, index: 0n, width: 256 }) },
    '/log/tile/0/001.p/44': { kind: 'body', body: await log.readTile({ level: 0, index: 1n, width: 44 }) },
    '/log/tile/1/000.p/1': { kind: 'body', body: await log.readTile({ level: 1, index: 0n, width: 1 }) },
    ...hostile,
  };
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RemoteLogError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('verification passed');
}

describe('log verify against a hostile server', () => {
  let server: HostileServer | undefined;
  afterEach(async () => server?.close());
  const start = async (hostile: Record<string, HostileBehaviour>): Promise<string> => {
    server = await startHostileServer(await honestExcept(hostile));
    return `${server.url}/log`;
  };

  it('verifies the honest log served this way', async () => {
    const prefix = await start({});
    const verifierKey = await fetchVerifierKey(prefix);
    expect((await verifyRemoteLog(prefix, { verifierKey })).treeSize).toBe(300n);
    for (const mode of ['full', 'tiles'] as const) expect((await verifyRemoteLog(prefix, { verifierKey, mode })).treeSize).toBe(300n);
  });

  it('stops an endless /log/key at 4 KiB', async () => {
    const prefix = await start({ '/log/key': { kind: 'endless' } });
    const error = await failure(fetchVerifierKey(prefix));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain(`${prefix}/key`);
    expect(error.message).toContain('4096 bytes');
  });

  it('cuts a dripping /log/key at the timeout', async () => {
    const prefix = await start({ '/log/key': { kind: 'drip', everyMs: 20 } });
    expect((await failure(fetchVerifierKey(prefix, fetch, { timeoutMs: 300 }))).message).toContain('overall limit of 300 ms');
  });

  it('stops an endless checkpoint at 256 KiB while reading, and cuts a dripping one', async () => {
    let prefix = await start({ '/log/checkpoint': { kind: 'endless' } });
    const endless = await failure(verifyRemoteLog(prefix, { verifierKey: keys.verifierKey }));
    expect(endless).toMatchObject({ code: 'TOO_LARGE' });
    expect(endless.message).toContain('262144 bytes');
    await server?.close();
    prefix = await start({ '/log/checkpoint': { kind: 'drip', everyMs: 20 } });
    expect(await failure(verifyRemoteLog(prefix, { verifierKey: keys.verifierKey, timeoutMs: 300 }))).toMatchObject({ code: 'FETCH_FAILED' });
    await server?.close();
    prefix = await start({ '/log/checkpoint': { kind: 'silent' } });
    expect((await failure(verifyRemoteLog(prefix, { verifierKey: keys.verifierKey, connectTimeoutMs: 300 }))).message).toContain('connect limit of 300 ms');
  });

  it('stops an endless tile and an endless entry bundle at their size', async () => {
    for (const [path, mode, limit] of [
      ['/log/tile/0/000', 'full', '8192 bytes'],
      ['/log/tile/1/000.p/1', 'tiles', '8192 bytes'],
      ['/log/tile/entries/001.p/44', 'full', `${44 * (2 + 0xffff)} bytes`],
    ] as const) {
      await server?.close();
      const prefix = await start({ [path]: { kind: 'endless' } });
      const error = await failure(verifyRemoteLog(prefix, { verifierKey: keys.verifierKey, mode }));
      expect(error.code, path).toBe('TOO_LARGE');
      expect(error.message, path).toContain(limit);
    }
  });
});
