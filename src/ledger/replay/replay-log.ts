import { bytesEqual } from '../encoding/bytes-equal.js';
import type { LogStorage } from '../sequencer/log-storage.js';
import { TreeState } from '../sequencer/tree-state.js';

export interface ReplayReport {
  readonly entries: bigint;
  readonly applied: number;
  /** The root recomputed from the replayed entries; equals the checkpoint's. */
  readonly rootHash: Uint8Array;
}

const encoder = new TextEncoder();

/**
 * Streams the sequenced log in leaf order, in pages, through `apply` (which rebuilds state in a
 * target database), while recomputing the Merkle tree: the replay is only accepted if the entries
 * it used hash to the latest signed checkpoint's root, so it rebuilt from exactly what was signed.
 *
 * @example
 * await replayLog(sourceStorage, (entries) => target.transaction(async (tx) => { … applyLogEntry(tx.registry, e) … }));
 */
export async function replayLog(source: LogStorage, apply: (entries: readonly string[]) => Promise<number>, pageSize = 2000): Promise<ReplayReport> {
  const checkpoint = await source.latestCheckpoint();
  const size = checkpoint?.size ?? 0n;
  const tree = TreeState.empty();
  let applied = 0;
  for (let from = 0n; from < size; from += BigInt(pageSize)) {
    const remaining = size - from;
    const count = Number(remaining < BigInt(pageSize) ? remaining : BigInt(pageSize));
    const entries = await source.entriesByIndex(from, count);
    entries.forEach((e, i) => {
      if (e.leafIndex !== from + BigInt(i)) throw new Error(`log entry ${from + BigInt(i)} is missing: run countersign log check`);
    });
    if (entries.length !== count) throw new Error(`log entries from ${from} are incomplete (${entries.length} of ${count}): run countersign log check`);
    tree.append(entries.map((e) => encoder.encode(e.entry)));
    applied += await apply(entries.map((e) => e.entry));
  }
  const rootHash = tree.root();
  if (checkpoint && !bytesEqual(rootHash, checkpoint.rootHash)) throw new Error('the replayed entries do not hash to the signed checkpoint: the stored log was altered');
  return { entries: size, applied, rootHash };
}
