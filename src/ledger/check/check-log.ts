import { canonicalJson } from '../entries/canonical-json.js';
import { bytesEqual } from '../encoding/bytes-equal.js';
import { HASH_SIZE } from '../merkle/hash.js';
import { parseCheckpoint } from '../note/checkpoint.js';
import { openSignedNote } from '../note/signed-note.js';
import { parseVerifierKey } from '../note/verifier-key.js';
import type { LogStorage, StoredCheckpoint, StoredEntry } from '../sequencer/log-storage.js';
import { TreeState, type TileWrite } from '../sequencer/tree-state.js';
import { tileWidth } from '../tiles/tile-width.js';

/** One thing `log check` found wrong: where, and what. */
export interface LogProblem {
  readonly where: string;
  readonly message: string;
}

export interface LogCheckReport {
  readonly ok: boolean;
  readonly entries: bigint;
  readonly checkpoints: number;
  readonly tiles: number;
  readonly problems: readonly LogProblem[];
}

const encoder = new TextEncoder();
const MAX_PROBLEMS = 1000;

/**
 * Re-derives the whole log from its stored entries and compares: every entry is canonical JSON,
 * leaf indices run 0…n-1 without gaps, every tile equals the hashes recomputed from the entries,
 * every checkpoint is signed by the log's key, says what its row says, and has the root the
 * entries give at its size. An edited entry shows as a level-0 tile and checkpoint mismatch at its
 * index; a deleted one as a gap; an inserted one as an index beyond the signed tree; an edited
 * tile or checkpoint as a mismatch against the entries; a checkpoint deleted from the middle as a
 * broken link in the checkpoint chain; a tile row beyond the tree by its position. Streams in
 * pages: memory stays flat. On a live database, give it storage bound to one read snapshot
 * (`checkStoredLog` in src/store does), or writes landing mid-check look like tampering.
 *
 * @example
 * const report = await checkLog(storage, verifierKey);
 * if (!report.ok) for (const p of report.problems) console.log(`${p.where}: ${p.message}`);
 */
export async function checkLog(storage: LogStorage, verifierKey: string, pageSize = 5000): Promise<LogCheckReport> {
  const problems: LogProblem[] = [];
  const report = (where: string, message: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push({ where, message });
  };
  const verifier = parseVerifierKey(verifierKey);
  const latest = await storage.latestCheckpoint();
  const size = latest?.size ?? 0n;
  const stats = await storage.sequencedStats();
  if (stats.maxIndex !== null && stats.maxIndex >= size) report(`entry ${stats.maxIndex}`, `has a leaf index beyond the latest signed checkpoint (size ${size}): a row was inserted or the checkpoint deleted`);
  if (stats.count < size) report('entries', `${size - stats.count} of the ${size} entries in the signed tree are missing: rows were deleted`);

  const tree = TreeState.empty();
  let checkpoints = 0;
  let tiles = 0;
  let next: StoredCheckpoint[] = await storage.checkpointsAfter(0n, 100);
  let previous: bigint | null = null;
  const checkCheckpointsUpTo = async (at: bigint): Promise<void> => {
    for (;;) {
      const checkpoint = next[0];
      if (!checkpoint || checkpoint.size > at) return;
      next.shift();
      checkpoints += 1;
      checkCheckpoint(checkpoint, tree.root(), verifier, verifierKey, report);
      checkChainLink(checkpoint, previous, report);
      previous = checkpoint.size;
      if (next.length === 0) next = await storage.checkpointsAfter(checkpoint.size, 100);
    }
  };
  const stored = new Map<string, Uint8Array | undefined>();
  const compareTiles = async (written: readonly TileWrite[]): Promise<void> => {
    for (const tile of written) {
      const key = `${tile.level}/${tile.index}`;
      if (!stored.has(key)) stored.set(key, await storage.readTile(tile.level, tile.index));
      const bytes = stored.get(key);
      tiles += 1;
      tile.hashes.forEach((hash, position) => {
        const storedHash = bytes?.subarray(position * HASH_SIZE, (position + 1) * HASH_SIZE);
        if (!storedHash || storedHash.length < HASH_SIZE) report(`tile ${key}`, `hash ${position} is missing`);
        else if (!bytesEqual(storedHash, hash)) {
          const what = tile.level === 0 ? `entry ${tile.index * 256n + BigInt(position)} does not hash to the stored level-0 tile: the entry row or the tile was edited` : `hash ${position} differs from the one recomputed from the entries`;
          report(`tile ${key}`, what);
        }
      });
      if (tile.inner) {
        const inner = (await storage.readTileWithInner(tile.level, tile.index))?.inner;
        if (inner && !bytesEqual(inner, tile.inner)) report(`tile ${key}`, 'its stored inner levels differ from those recomputed from the entries: the tile row was edited');
      }
      if (tile.hashes.length === 256) stored.delete(key);
    }
  };

  for (let from = 0n; from < size; from += BigInt(pageSize)) {
    const remaining = size - from;
    const count = Number(remaining < BigInt(pageSize) ? remaining : BigInt(pageSize));
    // A long check run inside the server must not hold the event loop: yield between pages
    // (on SQLite every read resolves at once, so without this nothing else would run).
    await new Promise<void>((resolve) => setImmediate(resolve));
    const page = await storage.entriesByIndex(from, count);
    const entries = withGapsReported(page, from, count, report);
    if (entries === undefined) break;
    for (const entry of entries) checkCanonical(entry, report);
    // Append up to each checkpoint inside the page, so its root can be compared.
    let i = 0;
    while (i < entries.length) {
      const boundary = next[0] && next[0].size <= from + BigInt(count) ? Number(next[0].size - from) : entries.length;
      const slice = entries.slice(i, Math.max(boundary, i + 1));
      await compareTiles(tree.append(slice.map((e) => encoder.encode(e.entry))).tiles);
      i += slice.length;
      await checkCheckpointsUpTo(tree.size);
    }
  }
  await checkCheckpointsUpTo(tree.size);
  if (next.length > 0) report(`checkpoint ${next[0]?.size}`, 'is beyond the entries stored');
  await checkNoTileBeyond(storage, size, report);
  return { ok: problems.length === 0, entries: tree.size, checkpoints, tiles, problems };
}

/**
 * Each stored checkpoint names the one stored before it (migration 0040); following the chain in
 * size order finds a checkpoint row deleted from the middle, which nothing else would show: the
 * entries and tiles around it are intact.
 */
function checkChainLink(checkpoint: StoredCheckpoint, previous: bigint | null, report: (where: string, message: string) => void): void {
  const link = checkpoint.previousSize;
  if (link === undefined || link === previous) return;
  const where = `checkpoint ${checkpoint.size}`;
  if (link === null) report(where, `is stored as the first checkpoint, yet checkpoint ${previous} comes before it: the row was edited`);
  else if (previous === null || link > previous) report(`checkpoint ${link}`, `is missing: checkpoint ${checkpoint.size} was stored right after it, so its row was deleted`);
  else report(where, `was stored right after checkpoint ${link}, yet checkpoint ${previous} sits between them: a row was inserted or edited`);
}

/**
 * Every stored tile must be one of the tree's tiles at the latest signed size, at the width the
 * tree gives it (c2sp.org/tlog-tiles "Partial Tiles"). The walk above compares the tiles the
 * entries produce; a row beyond the tree, or wider than its tile, is only seen here.
 */
async function checkNoTileBeyond(storage: LogStorage, size: bigint, report: (where: string, message: string) => void): Promise<void> {
  let after: { level: number; index: bigint } | undefined;
  for (;;) {
    const page = await storage.listTiles(after, 1000);
    for (const tile of page) {
      const expected = tileWidth(tile.level, tile.index, size);
      const where = `tile ${tile.level}/${tile.index}`;
      if (expected === 0) report(where, `lies beyond the tree of the latest signed checkpoint (size ${size}): the row was inserted`);
      else if (tile.width !== expected) report(where, `is stored ${tile.width} hashes wide, the tree of size ${size} gives it ${expected}: the row was edited`);
    }
    const last = page.at(-1);
    if (last === undefined || page.length < 1000) return;
    after = last;
  }
}

function withGapsReported(page: readonly StoredEntry[], from: bigint, count: number, report: (where: string, message: string) => void): StoredEntry[] | undefined {
  for (let i = 0; i < page.length; i++) {
    const expected = from + BigInt(i);
    const entry = page[i];
    if (entry && entry.leafIndex !== expected) {
      report(`entry ${expected}`, `is missing (the next stored entry is ${entry.leafIndex}): the row was deleted`);
      return undefined;
    }
  }
  if (page.length < count) {
    report(`entry ${from + BigInt(page.length)}`, 'is missing: the row was deleted');
    return undefined;
  }
  return [...page];
}

function checkCanonical(entry: StoredEntry, report: (where: string, message: string) => void): void {
  try {
    if (canonicalJson(JSON.parse(entry.entry)) !== entry.entry) report(`entry ${entry.leafIndex}`, 'is not in canonical JSON form: the row was edited');
  } catch {
    report(`entry ${entry.leafIndex}`, 'is not valid JSON: the row was edited');
  }
}

function checkCheckpoint(checkpoint: StoredCheckpoint, root: Uint8Array, verifier: ReturnType<typeof parseVerifierKey>, verifierKey: string, report: (where: string, message: string) => void): void {
  const where = `checkpoint ${checkpoint.size}`;
  try {
    const body = parseCheckpoint(openSignedNote(checkpoint.note, [verifier]).text);
    if (body.size !== checkpoint.size || !bytesEqual(body.rootHash, checkpoint.rootHash)) report(where, 'its row does not say what its signed note says: the row was edited');
    if (body.origin !== verifier.name) report(where, `is for origin ${body.origin}, not ${verifier.name}`);
  } catch (error) {
    report(where, `its note does not verify with ${verifierKey.split('+')[0]}'s key: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!bytesEqual(root, checkpoint.rootHash)) report(where, 'its root differs from the root of the stored entries at that size: entries were edited, inserted or deleted');
}
