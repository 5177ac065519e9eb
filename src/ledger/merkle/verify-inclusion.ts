import { bytesEqual } from '../encoding/bytes-equal.js';
import { checkHash } from './check-hash.js';
import { hashChildren } from './hash.js';
import { MerkleError } from './merkle-error.js';
import { toTreeNumber, type TreeNumber } from './tree-size.js';

/** An inclusion proof as RFC 9162 §2.1.3 carries it: leaf index, tree size, audit path. */
export interface InclusionProofInput {
  /** Index of the leaf, `0 <= index < treeSize`. Attacker-controlled: validated here. */
  readonly index: TreeNumber;
  readonly treeSize: TreeNumber;
  /** The leaf hash, SHA-256(0x00 || entry). */
  readonly leafHash: Uint8Array;
  /** The audit path, lowest level first. */
  readonly proof: readonly Uint8Array[];
}

/**
 * Evaluates an inclusion proof into the root it implies (RFC 9162 §2.1.3.2, steps 1–5 without the
 * final comparison). Throws `MerkleError` if the proof is malformed for that index and size.
 *
 * @example
 * const root = rootFromInclusionProof({ index: 3n, treeSize: 7n, leafHash, proof });
 */
export function rootFromInclusionProof({ index, treeSize, leafHash, proof }: InclusionProofInput): Uint8Array {
  const leafIndex = toTreeNumber(index, 'leaf index');
  const size = toTreeNumber(treeSize, 'tree size');
  if (leafIndex >= size) {
    throw new MerkleError({ code: 'INDEX_OUT_OF_RANGE', message: `leaf index ${leafIndex} is not below tree size ${size}` });
  }
  checkHash(leafHash, 'leaf hash');
  proof.forEach((hash, i) => checkHash(hash, `proof hash ${i}`));

  let fn = leafIndex;
  let sn = size - 1n;
  let r = leafHash;
  for (const p of proof) {
    // sn reaching 0 means the path already ends at the root: the proof is too long.
    if (sn === 0n) throw wrongSize(proof.length, 'longer');
    if ((fn & 1n) === 1n || fn === sn) {
      r = hashChildren(p, r);
      // Levels where fn is a left child with no right sibling (the tree's right edge) carry no hash.
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = hashChildren(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) throw wrongSize(proof.length, 'shorter');
  return r;
}

/**
 * Verifies an inclusion proof against a root hash (RFC 9162 §2.1.3.2). Returns nothing on success;
 * throws `MerkleError` with a reason (`INDEX_OUT_OF_RANGE`, `WRONG_PROOF_SIZE`, `ROOT_MISMATCH`, …).
 *
 * @example
 * verifyInclusion({ index: 3n, treeSize: 7n, leafHash: hashLeaf(entry), proof, root: checkpoint.rootHash });
 */
export function verifyInclusion(input: InclusionProofInput & { readonly root: Uint8Array }): void {
  const calculated = rootFromInclusionProof(input);
  if (!bytesEqual(calculated, input.root)) {
    throw new MerkleError({ code: 'ROOT_MISMATCH', message: 'inclusion proof leads to a different root' });
  }
}

function wrongSize(length: number, which: 'longer' | 'shorter'): MerkleError {
  return new MerkleError({ code: 'WRONG_PROOF_SIZE', message: `proof of ${length} hashes is ${which} than the path` });
}
