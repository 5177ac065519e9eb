import type { HashReader } from './hash-reader.js';
import { proveInclusion } from './prove-inclusion.js';
import { readTreeRoot } from './read-tree-root.js';
import { verifyInclusion } from './verify-inclusion.js';

/** What `measureProofRate` observed. */
export interface ProofRate {
  readonly treeSize: bigint;
  readonly proofs: number;
  readonly seconds: number;
  readonly proofsPerSecond: number;
  /** Hash reads per proof, on average: O(log n) by construction. */
  readonly hashReadsPerProof: number;
  /** Heap growth over the run (after warm-up); stays flat when memory does not depend on the log. */
  readonly heapGrowthBytes: number;
}

/**
 * Generates inclusion proofs for random leaves of a tree for `durationMs`, and reports the rate —
 * the core of `bench:log` (target: at least 20,000 proofs/s at 1M and 10M entries). Every
 * `verifyEvery`-th proof is verified against the root so a fast wrong answer cannot pass.
 *
 * @example
 * const rate = await measureProofRate(tree, tree.size, { durationMs: 3000 });
 * console.log(`${rate.proofsPerSecond.toFixed(0)} proofs/s`);
 */
export async function measureProofRate(
  reader: HashReader,
  treeSize: bigint,
  { durationMs = 2000, verifyEvery = 1000 }: { durationMs?: number; verifyEvery?: number } = {},
): Promise<ProofRate> {
  let reads = 0;
  const counting: HashReader = {
    readHashes(nodes) {
      reads += nodes.length;
      return reader.readHashes(nodes);
    },
  };
  const root = await readTreeRoot(reader, treeSize);
  const randomIndex = (): bigint => BigInt(Math.floor(Math.random() * Number(treeSize)));

  for (let i = 0; i < 1000; i++) await proveInclusion(counting, randomIndex(), treeSize); // warm-up
  reads = 0;
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  let proofs = 0;
  while (performance.now() - start < durationMs) {
    for (let batch = 0; batch < 100; batch++, proofs++) {
      const index = randomIndex();
      const proof = await proveInclusion(counting, index, treeSize);
      if (proofs % verifyEvery === 0) {
        const [leafHash] = await reader.readHashes([{ level: 0, index }]);
        if (leafHash === undefined) throw new Error('reader returned no leaf hash');
        verifyInclusion({ index, treeSize, leafHash, proof, root });
      }
    }
  }
  const seconds = (performance.now() - start) / 1000;
  return {
    treeSize,
    proofs,
    seconds,
    proofsPerSecond: proofs / seconds,
    hashReadsPerProof: reads / proofs,
    heapGrowthBytes: process.memoryUsage().heapUsed - heapBefore,
  };
}
