import { describe, expect, it } from 'vitest';
import { MemoryMerkleTree } from './memory-merkle-tree.js';
import { measureProofRate } from './measure-proof-rate.js';

describe('measureProofRate', () => {
  it('reports a rate and O(log n) hash reads per proof', async () => {
    const tree = new MemoryMerkleTree();
    for (let i = 0; i < 5000; i++) tree.appendEntry(new TextEncoder().encode(String(i)));
    const rate = await measureProofRate(tree, tree.size, { durationMs: 100, verifyEvery: 7 });
    expect(rate.proofs).toBeGreaterThan(0);
    expect(rate.proofsPerSecond).toBeGreaterThan(0);
    // ceil(log2 5000) = 13 siblings, plus the right edge's compact range.
    expect(rate.hashReadsPerProof).toBeLessThanOrEqual(2 * 13);
  });
});
