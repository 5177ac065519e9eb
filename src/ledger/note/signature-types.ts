/**
 * Signature type identifier bytes assigned by c2sp.org/signed-note ("Signature types"). They feed
 * the key ID and lead the key material in verifier keys.
 */
export const SIGNATURE_TYPE = {
  /** Ed25519 over the note text (signed-note "Ed25519 signatures"). */
  ed25519: 0x01,
  /** Timestamped Ed25519 checkpoint cosignatures (c2sp.org/tlog-cosignature, `cosignature/v1`). */
  cosignatureV1: 0x04,
} as const;

/** One of the signature types Countersign implements. */
export type SignatureType = (typeof SIGNATURE_TYPE)[keyof typeof SIGNATURE_TYPE];
