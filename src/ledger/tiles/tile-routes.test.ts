import { describe, expect, it } from 'vitest';
import { hashLeaf } from '../merkle/hash.js';
import { parseCheckpoint } from '../note/checkpoint.js';
import { openSignedNote } from '../note/signed-note.js';
import { generateSignerKey, parseSignerKey } from '../note/signer-key.js';
import { parseVerifierKey } from '../note/verifier-key.js';
import { decodeEntryBundle } from './entry-bundle.js';
import { MemoryLog } from './memory-log.js';
import { readTileHashes } from './read-tile-hashes.js';
import { createTileRoutes } from './tile-routes.js';

function makeLog(size: number): MemoryLog {
  const log = new MemoryLog({ origin: 'countersign.test/log', signer: parseSignerKey(generateSignerKey('countersign.test/log').signerKey) });
  for (let i = 0; i < size; i++) log.append(new TextEncoder().encode(JSON.stringify({ i })));
  log.publishCheckpoint();
  return log;
}

describe('createTileRoutes', () => {
  const log = makeLog(70_000);
  const app = createTileRoutes(log);
  const get = (path: string): Promise<Response> => Promise.resolve(app.request(`http://localhost${path}`));

  it('serves the signed checkpoint and the key that verifies it, uncached', async () => {
    const response = await get('/log/checkpoint');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const key = await (await get('/log/key')).text();
    expect(key).toBe(`${log.verifierKey}\n`);
    const opened = openSignedNote(await response.text(), [parseVerifierKey(key.trim())]);
    expect(parseCheckpoint(opened.text).size).toBe(70_000n);
  });

  it('serves full tiles immutable and partial tiles briefly cached', async () => {
    const full = await get('/log/tile/0/100');
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('application/octet-stream');
    expect(full.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Buffer.from(await full.arrayBuffer())).toEqual(Buffer.from(await readTileHashes(log.tree, { level: 0, index: 100n, width: 256 })));

    const partial = await get('/log/tile/0/273.p/112');
    expect(partial.status).toBe(200);
    expect(partial.headers.get('cache-control')).toBe('public, max-age=60');
    expect((await partial.arrayBuffer()).byteLength).toBe(112 * 32);
    // An older checkpoint's narrower partial tile is a prefix of the current one, still served.
    expect((await get('/log/tile/0/273.p/5')).status).toBe(200);
    expect((await get('/log/tile/1/001.p/17')).status).toBe(200);
    expect((await get('/log/tile/2/000.p/1')).status).toBe(200);
  });

  it('serves entry bundles whose entries hash to the level-0 tile', async () => {
    const response = await get('/log/tile/entries/005');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const entries = decodeEntryBundle(new Uint8Array(await response.arrayBuffer()), 256);
    const tile = new Uint8Array(await (await get('/log/tile/0/005')).arrayBuffer());
    entries.forEach((entry, i) => expect(Buffer.from(hashLeaf(entry))).toEqual(Buffer.from(tile.subarray(i * 32, (i + 1) * 32))));
    expect(new TextDecoder().decode(entries[0])).toBe('{"i":1280}');
    expect((await get('/log/tile/entries/273.p/112')).status).toBe(200);
  });

  it('answers 404 beyond the tree and 400 for malformed paths', async () => {
    for (const path of ['/log/tile/0/274', '/log/tile/0/273', '/log/tile/0/273.p/113', '/log/tile/1/001', '/log/tile/3/000.p/1', '/log/tile/entries/274.p/1']) {
      expect((await get(path)).status, path).toBe(404);
    }
    for (const path of ['/log/tile/0/0', '/log/tile/00/000', '/log/tile/0/000.p/0', '/log/tile/0/x000/001', '/log/tile/entries/', '/log/tile/0/%30%30%30', '/log/tile/0/000.p/256']) {
      expect((await get(path)).status, path).toBe(400);
    }
  });

  it('answers 404 before the first checkpoint', async () => {
    const empty = new MemoryLog({ origin: 'countersign.test/empty', signer: parseSignerKey(generateSignerKey('countersign.test/empty').signerKey) });
    const routes = createTileRoutes(empty);
    expect((await routes.request('http://localhost/log/checkpoint')).status).toBe(404);
    expect((await routes.request('http://localhost/log/tile/0/000.p/1')).status).toBe(404);
  });
});
