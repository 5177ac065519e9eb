import { encodeBase64 } from '../encoding/base64.js';

/**
 * Proof that an entry is in the log: its index, the RFC 9162 inclusion proof, and the signed
 * checkpoint the proof is against — the same tree, never a newer one, so the receipt verifies on
 * its own with nothing but the log's public key.
 */
export interface Receipt {
  readonly entryId: number;
  /** Decimal: leaf indices are 64-bit. */
  readonly index: string;
  /** The entry's bytes (canonical JSON). */
  readonly entry: string;
  /** Base64 of the RFC 6962 leaf hash. */
  readonly leafHash: string;
  /** Base64 hashes, leaf to root. */
  readonly inclusionProof: readonly string[];
  /** The signed checkpoint note the proof is against. */
  readonly checkpoint: string;
}

export function toReceipt(entryId: number, index: bigint, entry: string, leafHash: Uint8Array, proof: readonly Uint8Array[], checkpoint: string): Receipt {
  return { entryId, index: index.toString(), entry, leafHash: encodeBase64(leafHash), inclusionProof: proof.map(encodeBase64), checkpoint };
}
