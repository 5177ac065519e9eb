import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../fetch-like.js';
import { SIGNATURE_TYPE } from '../note/signature-types.js';
import { generateSignerKey, parseSignerKey } from '../note/signer-key.js';
import { decodeEntryBundle, encodeEntryBundle } from '../tiles/entry-bundle.js';
import type { LogReader } from '../tiles/log-reader.js';
import { MemoryLog } from '../tiles/memory-log.js';
import type { EntryBundleId, TileId } from '../tiles/tile-id.js';
import { createTileRoutes } from '../tiles/tile-routes.js';
import { tilesForTreeSize } from '../tiles/tile-width.js';
import { RemoteLogError } from './remote-log-error.js';
import { readVerifierState, writeVerifierState } from './verifier-state-file.js';
import { verifyRemoteLog, type VerifyRemoteLogOptions } from './verify-remote-log.js';

const ORIGIN = 'countersign.test/log';
const keys = generateSignerKey(ORIGIN);

function makeLog(size: number, prefix = 'entry'): MemoryLog {
  const log = new MemoryLog({ origin: ORIGIN, signer: parseSignerKey(keys.signerKey) });
  grow(log, size, prefix);
  return log;
}

function grow(log: MemoryLog, to: number, prefix = 'entry'): void {
  for (let i = Number(log.tree.size); i < to; i++) log.append(new TextEncoder().encode(`{"${prefix}":${i}}`));
  log.publishCheckpoint();
}

function served(reader: LogReader): FetchLike {
  const app = createTileRoutes(reader);
  return async (input, init) => app.request(input, init);
}

/** A log that serves altered tiles or bundles, as a compromised server would. */
function tampered(
  log: MemoryLog,
  change: { tile?: (tile: TileId, bytes: Uint8Array) => Uint8Array; bundle?: (bundle: EntryBundleId, bytes: Uint8Array) => Uint8Array },
): LogReader {
  return {
    verifierKey: log.verifierKey,
    readCheckpoint: () => log.readCheckpoint(),
    readTile: async (tile) => (change.tile ?? ((_, b) => b))(tile, await log.readTile(tile)),
    readEntryBundle: async (bundle) => (change.bundle ?? ((_, b) => b))(bundle, await log.readEntryBundle(bundle)),
  };
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    return error instanceof RemoteLogError ? error.code : `crashed: ${String(error)}`;
  }
}

const BASE = 'http://countersign.test/log';

describe('verifyRemoteLog', () => {
  const log = makeLog(70_000);
  const options = (extra: Partial<VerifyRemoteLogOptions> = {}): VerifyRemoteLogOptions => ({ verifierKey: keys.verifierKey, fetchImpl: served(log), ...extra });

  it('recomputes every leaf, tile and root of a 70,000-entry log and returns the state to keep', async () => {
    const progress: bigint[] = [];
    const report = await verifyRemoteLog(BASE, options({ onProgress: (done) => progress.push(done) }));
    expect(report.treeSize).toBe(70_000n);
    expect(report.entriesVerified).toBe(70_000n);
    expect(report.tilesVerified).toBe([...tilesForTreeSize(70_000n)].length);
    expect(Buffer.from(report.rootHash)).toEqual(Buffer.from(log.tree.root()));
    expect(report.state).toEqual({ origin: ORIGIN, size: 70_000n, rootHash: report.rootHash });
    expect(progress.at(-1)).toBe(70_000n);
  });

  it('accepts a grown log that contains the tree last seen, in both modes', async () => {
    const small = makeLog(1000);
    const first = await verifyRemoteLog(BASE, { verifierKey: keys.verifierKey, fetchImpl: served(small) });
    grow(small, 66_000);
    for (const mode of ['full', 'tiles'] as const) {
      const report = await verifyRemoteLog(BASE, { verifierKey: keys.verifierKey, fetchImpl: served(small), state: first.state, mode });
      expect(report.previous?.size).toBe(1000n);
      expect(report.treeSize).toBe(66_000n);
    }
    const tilesOnly = await verifyRemoteLog(BASE, { verifierKey: keys.verifierKey, fetchImpl: served(small), state: first.state, mode: 'tiles' });
    expect(tilesOnly.tilesVerified).toBeLessThan(10);
  });

  it('detects a rollback, a fork at the same size and rewritten history', async () => {
    const big = await verifyRemoteLog(BASE, options());
    const smaller = makeLog(500);
    expect(await failure(verifyRemoteLog(BASE, { verifierKey: keys.verifierKey, fetchImpl: served(smaller), state: big.state }))).toBe('ROLLBACK');

    const original = makeLog(600);
    const seen = await verifyRemoteLog(BASE, { verifierKey: keys.verifierKey, fetchImpl: served(original) });
    const forked = makeLog(600, 'forged');
    expect(await failure(verifyRemoteLog(BASE, { verifierKey: keys.verifierKey, fetchImpl: served(forked), state: seen.state }))).toBe('INCONSISTENT');
    // The same key signed a longer tree whose first 600 entries differ: caught in both modes.
    grow(forked, 5000, 'forged');
    for (const mode of ['full', 'tiles'] as const) {
      expect(await failure(verifyRemoteLog(BASE, { verifierKey: keys.verifierKey, fetchImpl: served(forked), state: seen.state, mode })), mode).toBe('INCONSISTENT');
    }
  });

  it('refuses the wrong key, a non-log key, a mangled checkpoint and the wrong origin', async () => {
    const other = generateSignerKey(ORIGIN);
    expect(await failure(verifyRemoteLog(BASE, options({ verifierKey: other.verifierKey })))).toBe('BAD_CHECKPOINT');
    expect(await failure(verifyRemoteLog(BASE, options({ verifierKey: 'not a key' })))).toBe('BAD_KEY');
    const witnessKey = generateSignerKey('witness.test/w', SIGNATURE_TYPE.cosignatureV1).verifierKey;
    expect(await failure(verifyRemoteLog(BASE, options({ verifierKey: witnessKey })))).toBe('BAD_KEY');
    expect(await failure(verifyRemoteLog(BASE, options({ origin: 'elsewhere.test/log' })))).toBe('ORIGIN_MISMATCH');
    const mangled: LogReader = { ...tampered(log, {}), readCheckpoint: async () => (await log.readCheckpoint())?.replace('\n70000\n', '\n70001\n') };
    expect(await failure(verifyRemoteLog(BASE, options({ fetchImpl: served(mangled) })))).toBe('BAD_CHECKPOINT');
  });

  it('catches a changed entry, a changed tile at each level, and malformed resources', async () => {
    const small = makeLog(70_000);
    const flip = (bytes: Uint8Array, at: number): Uint8Array => bytes.map((b, i) => (i === at ? b ^ 1 : b));
    const run = (reader: LogReader, mode: 'full' | 'tiles' = 'full'): Promise<string> =>
      failure(verifyRemoteLog(BASE, { verifierKey: keys.verifierKey, fetchImpl: served(reader), mode }));

    // An entry changed, its level-0 tile left alone.
    const entry = tampered(small, {
      bundle: (bundle, bytes) => {
        if (bundle.index !== 3n) return bytes;
        const entries = decodeEntryBundle(bytes);
        entries[7] = new TextEncoder().encode('{"entry":"rewritten"}');
        return encodeEntryBundle(entries);
      },
    });
    expect(await run(entry)).toBe('TILE_MISMATCH');
    // A hash changed in a level-0, level-1 and level-2 tile.
    for (const level of [0, 1, 2]) {
      const tile = tampered(small, { tile: (id, bytes) => (id.level === level && id.index === 0n ? flip(bytes, 0) : bytes) });
      expect(await run(tile), `level ${level}`).toBe('TILE_MISMATCH');
    }
    // The tiles-only mode catches tiles on the path it reads.
    expect(await run(tampered(small, { tile: (id, bytes) => (id.level === 2 ? flip(bytes, 5) : bytes) }), 'tiles')).toBe('ROOT_MISMATCH');
    // Truncated bundle, bundle with a missing entry, short tile, a tile that is not there.
    expect(await run(tampered(small, { bundle: (b, bytes) => (b.index === 1n ? bytes.subarray(0, bytes.length - 1) : bytes) }))).toBe('BAD_BUNDLE');
    expect(await run(tampered(small, { bundle: (b, bytes) => (b.index === 1n ? encodeEntryBundle(decodeEntryBundle(bytes).slice(1)) : bytes) }))).toBe('BAD_BUNDLE');
    // (The routes refuse to serve a short stored tile, so shorten it on the wire.)
    const honest = served(small);
    const short: FetchLike = async (input, init) => {
      const response = await honest(input, init);
      return input.includes('/tile/1/') ? new Response((await response.arrayBuffer()).slice(32)) : response;
    };
    expect(await failure(verifyRemoteLog(BASE, { verifierKey: keys.verifierKey, fetchImpl: short }))).toBe('TILE_MISMATCH');
    const missing: LogReader = { ...tampered(small, {}), readTile: async (tile) => (tile.level === 1 ? undefined : small.readTile(tile)) };
    expect(await run(missing)).toBe('HTTP_STATUS');
  });

  it('verifies the empty log, and a log that is one entry larger than its last full tile', async () => {
    const empty = new MemoryLog({ origin: ORIGIN, signer: parseSignerKey(keys.signerKey) });
    empty.publishCheckpoint();
    expect((await verifyRemoteLog(BASE, { verifierKey: keys.verifierKey, fetchImpl: served(empty) })).treeSize).toBe(0n);
    const edge = makeLog(65_537);
    expect((await verifyRemoteLog(BASE, { verifierKey: keys.verifierKey, fetchImpl: served(edge) })).entriesVerified).toBe(65_537n);
  });

  it('keeps its state in a file', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'countersign-verify-'));
    try {
      const path = join(directory, 'nested', 'state.json');
      expect(await readVerifierState(path)).toBeUndefined();
      const report = await verifyRemoteLog(BASE, { verifierKey: keys.verifierKey, fetchImpl: served(makeLog(10)) });
      await writeVerifierState(path, report.state);
      expect(await readVerifierState(path)).toEqual(report.state);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
