import { bytesEqual } from '../encoding/bytes-equal.js';
import { hashChildren } from './hash.js';
import { MerkleError } from './merkle-error.js';

/**
 * The verification loop of draft-ietf-plants-merkle-tree-certs §4.4.3, steps 3–9, shared by RFC
 * 9162 consistency proofs (start = 0) and subtree consistency proofs. It rebuilds both the subtree
 * hash `fr` and the tree hash `sr` from the same proof, so every leaf of the subtree is shown to be
 * inside the tree. Callers have already checked `start < end <= size`, a valid subtree, and 32-byte
 * proof hashes.
 */
export function checkConsistencyPath(
  start: bigint,
  end: bigint,
  size: bigint,
  proof: readonly Uint8Array[],
  subtreeHash: Uint8Array,
  root: Uint8Array,
): void {
  let fn = start;
  let sn = end - 1n;
  let tn = size - 1n;
  const shift = (): void => {
    fn >>= 1n;
    sn >>= 1n;
    tn >>= 1n;
  };
  // Climb to the lowest node of the subtree that is also a node of the big tree: its hash is either
  // the subtree hash itself or the first proof element.
  if (sn === tn) {
    while (fn !== sn) shift();
  } else {
    while (fn !== sn && (sn & 1n) === 1n) shift();
  }
  let rest = proof;
  let fr: Uint8Array;
  let sr: Uint8Array;
  if (fn === sn) {
    fr = sr = subtreeHash;
  } else {
    const [first, ...others] = proof;
    if (first === undefined) throw wrongSize(0, 'shorter');
    fr = sr = first;
    rest = others;
  }
  for (const c of rest) {
    if (tn === 0n) throw wrongSize(proof.length, 'longer');
    if ((sn & 1n) === 1n || sn === tn) {
      // A left sibling: part of the subtree hash while still inside the subtree (fn < sn).
      if (fn < sn) fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while ((sn & 1n) === 0n) shift();
    } else {
      sr = hashChildren(sr, c);
    }
    shift();
  }
  if (tn !== 0n) throw wrongSize(proof.length, 'shorter');
  if (!bytesEqual(fr, subtreeHash)) {
    throw new MerkleError({ code: 'ROOT_MISMATCH', message: 'consistency proof leads to a different old (subtree) hash' });
  }
  if (!bytesEqual(sr, root)) {
    throw new MerkleError({ code: 'ROOT_MISMATCH', message: 'consistency proof leads to a different new root' });
  }
}

function wrongSize(length: number, which: 'longer' | 'shorter'): MerkleError {
  return new MerkleError({ code: 'WRONG_PROOF_SIZE', message: `consistency proof of ${length} hashes is ${which} than needed` });
}
