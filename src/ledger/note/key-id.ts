import { createHash } from 'node:crypto';
import type { SignatureType } from './signature-types.js';

/**
 * The key ID of a note key: the first four bytes, big-endian, of
 * SHA-256(key name || 0x0A || signature type || public key) (c2sp.org/signed-note "Signatures";
 * the same rule with type 0x04 gives the cosignature key ID of c2sp.org/tlog-cosignature).
 *
 * @example
 * computeKeyId('example.com/foo', SIGNATURE_TYPE.ed25519, publicKey);  // 0x530d903a
 */
export function computeKeyId(name: string, type: SignatureType, publicKey: Uint8Array): number {
  const digest = createHash('sha256').update(name, 'utf8').update(Uint8Array.of(0x0a, type)).update(publicKey).digest();
  return digest.readUInt32BE(0);
}

/**
 * The key ID as signed-note writes it in key strings: eight lowercase hex digits.
 *
 * @example
 * formatKeyId(0x530d903a);  // '530d903a'
 */
export function formatKeyId(keyId: number): string {
  return keyId.toString(16).padStart(8, '0');
}
