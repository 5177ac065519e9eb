import { bytesEqual } from '../encoding/bytes-equal.js';
import type { FetchLike } from '../fetch-like.js';
import { hashLeaf, HASH_SIZE } from '../merkle/hash.js';
import { MerkleError } from '../merkle/merkle-error.js';
import { proveConsistency } from '../merkle/prove-consistency.js';
import { readTreeRoot } from '../merkle/read-tree-root.js';
import { verifyConsistency } from '../merkle/verify-consistency.js';
import { parseCheckpoint, type Checkpoint } from '../note/checkpoint.js';
import { NoteError } from '../note/note-error.js';
import type { NoteVerifier } from '../note/note-keys.js';
import { SIGNATURE_TYPE } from '../note/signature-types.js';
import { openSignedNote } from '../note/signed-note.js';
import { parseVerifierKey } from '../note/verifier-key.js';
import { decodeEntryBundle, MAX_ENTRY_SIZE } from '../tiles/entry-bundle.js';
import { TileError } from '../tiles/tile-error.js';
import { createTileHashReader } from '../tiles/tile-hash-reader.js';
import { TILE_HEIGHT, TILE_WIDTH, type TileId } from '../tiles/tile-id.js';
import { formatEntryBundlePath, formatTilePath } from '../tiles/tile-path.js';
import { tileWidth } from '../tiles/tile-width.js';
import { fetchBytes, type FetchTimeouts } from './fetch-bytes.js';
import { RemoteLogError } from './remote-log-error.js';
import { StreamingTree } from './streaming-tree.js';
import type { VerifierState } from './verifier-state.js';

/** Options of `verifyRemoteLog`; `connectTimeoutMs` and `timeoutMs` bound each resource fetched. */
export interface VerifyRemoteLogOptions extends FetchTimeouts {
  /** The log's verifier key string (from its operator, or `/log/key` fetched once and pinned). */
  readonly verifierKey: string;
  /** The last checkpoint this verifier accepted; the log must still contain it. */
  readonly state?: VerifierState;
  /** The origin the log must have; by default, whatever the signed checkpoint says (or `state.origin`). */
  readonly origin?: string;
  /**
   * `full` (default): fetch every entry bundle and tile, recompute every leaf, node and root.
   * `tiles`: fetch only the O(log n) tiles needed to recompute the root and a consistency proof.
   */
  readonly mode?: 'full' | 'tiles';
  /** Entry bundles fetched ahead; default 8. */
  readonly concurrency?: number;
  readonly fetchImpl?: FetchLike;
  /** Called after each bundle in `full` mode. */
  readonly onProgress?: (entriesVerified: bigint, treeSize: bigint) => void;
}

/** What a successful verification established. */
export interface RemoteLogReport {
  readonly origin: string;
  readonly treeSize: bigint;
  readonly rootHash: Uint8Array;
  /** The verified checkpoint note as served. */
  readonly checkpoint: string;
  readonly mode: 'full' | 'tiles';
  /** The state passed in, now proven to be contained in this tree. */
  readonly previous: VerifierState | undefined;
  readonly entriesVerified: bigint;
  readonly tilesVerified: number;
  /** The state to keep for the next run. */
  readonly state: VerifierState;
}

const MAX_CHECKPOINT_BYTES = 256 * 1024;

/**
 * Checks a running log from the outside, with nothing but its public tlog-tiles resources and its
 * key: fetches `<baseUrl>/checkpoint` and verifies its Ed25519 signature; refuses a tree smaller
 * than, or different from, the last one seen; then (in `full` mode) fetches every entry bundle and
 * tile, hashes every entry (RFC 9162 §2.1.1), checks each level-0 tile against the leaf hashes and
 * each higher tile against the recomputed subtree roots, recomputes the old root at the last size
 * seen and the new root, and compares them with the saved state and the checkpoint. Memory stays
 * bounded by the fetch window, not by the log. Every failure is a `RemoteLogError` with its code.
 *
 * @example
 * const report = await verifyRemoteLog('https://countersign.example/log', { verifierKey, state });
 * await writeVerifierState(statePath, report.state);
 */
export async function verifyRemoteLog(baseUrl: string, options: VerifyRemoteLogOptions): Promise<RemoteLogReport> {
  const prefix = baseUrl.replace(/\/+$/, '');
  const fetchImpl = options.fetchImpl ?? fetch;
  const verifier = logVerifier(options.verifierKey);
  const timeouts: FetchTimeouts = { ...(options.connectTimeoutMs ? { connectTimeoutMs: options.connectTimeoutMs } : {}), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) };
  const noteBytes = await fetchBytes(`${prefix}/checkpoint`, MAX_CHECKPOINT_BYTES, fetchImpl, 'checkpoint', timeouts);
  const { note, checkpoint } = openCheckpoint(noteBytes, verifier);

  const expectedOrigin = options.origin ?? options.state?.origin;
  if (expectedOrigin !== undefined && checkpoint.origin !== expectedOrigin) {
    throw new RemoteLogError({ code: 'ORIGIN_MISMATCH', message: `checkpoint is for ${JSON.stringify(checkpoint.origin)}, want ${JSON.stringify(expectedOrigin)}` });
  }
  const previous = options.state;
  if (previous !== undefined && previous.size > checkpoint.size) {
    throw new RemoteLogError({ code: 'ROLLBACK', message: `log shrank from ${previous.size} to ${checkpoint.size} entries` });
  }
  if (previous !== undefined && previous.size === checkpoint.size && !bytesEqual(previous.rootHash, checkpoint.rootHash)) {
    throw new RemoteLogError({ code: 'INCONSISTENT', message: `a different root for size ${checkpoint.size} than last seen: the log forked` });
  }

  const fetchTile = async (tile: TileId): Promise<Uint8Array> => {
    const path = formatTilePath(tile);
    const bytes = await fetchBytes(`${prefix}/${path}`, TILE_WIDTH * HASH_SIZE, fetchImpl, path, timeouts);
    if (bytes.length !== tile.width * HASH_SIZE) {
      throw new RemoteLogError({ code: 'TILE_MISMATCH', message: `${path} is ${bytes.length} bytes, want ${tile.width * HASH_SIZE}`, where: path });
    }
    return bytes;
  };
  const mode = options.mode ?? 'full';
  const counts =
    mode === 'full'
      ? await verifyFromEntries(prefix, checkpoint, previous, (url, max, where) => fetchBytes(url, max, fetchImpl, where, timeouts), fetchTile, options)
      : await verifyFromTiles(checkpoint, previous, fetchTile);

  return {
    origin: checkpoint.origin,
    treeSize: checkpoint.size,
    rootHash: checkpoint.rootHash,
    checkpoint: note,
    mode,
    previous,
    ...counts,
    state: { origin: checkpoint.origin, size: checkpoint.size, rootHash: checkpoint.rootHash },
  };
}

function logVerifier(verifierKey: string): NoteVerifier {
  try {
    const verifier = parseVerifierKey(verifierKey.trim());
    if (verifier.type === SIGNATURE_TYPE.ed25519) return verifier;
  } catch (error) {
    throw new RemoteLogError({ code: 'BAD_KEY', message: 'the verifier key does not parse', cause: error });
  }
  throw new RemoteLogError({ code: 'BAD_KEY', message: 'a log key must be an Ed25519 (type 0x01) key' });
}

function openCheckpoint(bytes: Uint8Array, verifier: NoteVerifier): { note: string; checkpoint: Checkpoint } {
  try {
    const opened = openSignedNote(bytes, [verifier]);
    return { note: new TextDecoder().decode(bytes), checkpoint: parseCheckpoint(opened.text) };
  } catch (error) {
    if (error instanceof NoteError) {
      throw new RemoteLogError({ code: 'BAD_CHECKPOINT', message: `checkpoint refused: ${error.message}`, cause: error, where: 'checkpoint' });
    }
    throw error;
  }
}

async function verifyFromEntries(
  prefix: string,
  checkpoint: Checkpoint,
  previous: VerifierState | undefined,
  fetchResource: (url: string, maxBytes: number, where: string) => Promise<Uint8Array>,
  fetchTile: (tile: TileId) => Promise<Uint8Array>,
  options: VerifyRemoteLogOptions,
): Promise<{ entriesVerified: bigint; tilesVerified: number }> {
  const size = checkpoint.size;
  let tilesVerified = 0;
  // The one tile per level currently being checked: nodes complete left to right.
  const upper = new Map<number, { index: bigint; hashes: Uint8Array }>();
  const tree = new StreamingTree(async (level, index, hash) => {
    if (level === 0 || level % TILE_HEIGHT !== 0) return;
    const tileLevel = level / TILE_HEIGHT;
    const tileIndex = index / BigInt(TILE_WIDTH);
    let tile = upper.get(tileLevel);
    if (tile === undefined || tile.index !== tileIndex) {
      tile = { index: tileIndex, hashes: await fetchTile({ level: tileLevel, index: tileIndex, width: tileWidth(tileLevel, tileIndex, size) }) };
      upper.set(tileLevel, tile);
      tilesVerified++;
    }
    const offset = Number(index % BigInt(TILE_WIDTH)) * HASH_SIZE;
    if (!bytesEqual(tile.hashes.subarray(offset, offset + HASH_SIZE), hash)) {
      const path = formatTilePath({ level: tileLevel, index: tileIndex, width: tileWidth(tileLevel, tileIndex, size) });
      throw new RemoteLogError({ code: 'TILE_MISMATCH', message: `${path}: hash ${index % BigInt(TILE_WIDTH)} is not the recomputed subtree root`, where: path });
    }
  });

  const fetchBundle = async (index: bigint): Promise<{ entries: Uint8Array[]; leaves: Uint8Array; path: string }> => {
    const width = tileWidth(0, index, size);
    const bundle = { index, width };
    const path = formatEntryBundlePath(bundle);
    const [bytes, leaves] = await Promise.all([
      fetchResource(`${prefix}/${path}`, width * (2 + MAX_ENTRY_SIZE), path),
      fetchTile({ level: 0, index, width }),
    ]);
    try {
      return { entries: decodeEntryBundle(bytes, width), leaves, path };
    } catch (error) {
      if (error instanceof TileError) throw new RemoteLogError({ code: 'BAD_BUNDLE', message: `${path}: ${error.message}`, cause: error, where: path });
      throw error;
    }
  };

  const bundles = (size + BigInt(TILE_WIDTH) - 1n) / BigInt(TILE_WIDTH);
  const window: Array<Promise<{ entries: Uint8Array[]; leaves: Uint8Array; path: string }>> = [];
  let next = 0n;
  for (let index = 0n; index < bundles; index++) {
    while (window.length < Math.max(1, options.concurrency ?? 8) && next < bundles) {
      const pending = fetchBundle(next++);
      pending.catch(() => undefined); // awaited in order below; only silence the early rejection
      window.push(pending);
    }
    const pending = window.shift();
    if (pending === undefined) break;
    const { entries, leaves, path } = await pending;
    tilesVerified++;
    for (const [i, entry] of entries.entries()) {
      const leaf = hashLeaf(entry);
      if (!bytesEqual(leaves.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE), leaf)) {
        const tilePath = path.replace('tile/entries/', 'tile/0/');
        throw new RemoteLogError({ code: 'TILE_MISMATCH', message: `${tilePath}: hash ${i} is not the hash of entry ${index * 256n + BigInt(i)}`, where: tilePath });
      }
      await tree.append(leaf);
      if (previous !== undefined && tree.size === previous.size && !bytesEqual(tree.root(), previous.rootHash)) {
        throw new RemoteLogError({ code: 'INCONSISTENT', message: `the first ${previous.size} entries no longer give the root last seen: history was rewritten` });
      }
    }
    options.onProgress?.(tree.size, size);
  }
  if (!bytesEqual(tree.root(), checkpoint.rootHash)) {
    throw new RemoteLogError({ code: 'ROOT_MISMATCH', message: 'the entries do not hash to the checkpoint root', where: 'checkpoint' });
  }
  return { entriesVerified: tree.size, tilesVerified };
}

async function verifyFromTiles(
  checkpoint: Checkpoint,
  previous: VerifierState | undefined,
  fetchTile: (tile: TileId) => Promise<Uint8Array>,
): Promise<{ entriesVerified: bigint; tilesVerified: number }> {
  let tilesVerified = 0;
  const reader = createTileHashReader(
    {
      readTile: (tile) => {
        tilesVerified++;
        return fetchTile(tile);
      },
    },
    checkpoint.size,
  );
  try {
    if (!bytesEqual(await readTreeRoot(reader, checkpoint.size), checkpoint.rootHash)) {
      throw new RemoteLogError({ code: 'ROOT_MISMATCH', message: 'the tiles do not hash to the checkpoint root', where: 'checkpoint' });
    }
    if (previous !== undefined && previous.size > 0n && previous.size < checkpoint.size) {
      // A consistency proof built from the tiles binds the old root and the new root together.
      const proof = await proveConsistency(reader, previous.size, checkpoint.size);
      try {
        verifyConsistency({ size1: previous.size, size2: checkpoint.size, proof, root1: previous.rootHash, root2: checkpoint.rootHash });
      } catch (error) {
        if (error instanceof MerkleError) {
          throw new RemoteLogError({ code: 'INCONSISTENT', message: `the log does not extend the tree last seen: ${error.message}`, cause: error });
        }
        throw error;
      }
    }
  } catch (error) {
    if (error instanceof TileError || (error instanceof MerkleError && error.code === 'BAD_READER')) {
      throw new RemoteLogError({ code: 'TILE_MISMATCH', message: error.message, cause: error });
    }
    throw error;
  }
  return { entriesVerified: 0n, tilesVerified };
}
