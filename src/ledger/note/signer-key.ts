import { randomBytes } from 'node:crypto';
import { decodeBase64, encodeBase64 } from '../encoding/base64.js';
import { cosignatureSigner } from './cosignature.js';
import { ed25519NoteSigner } from './ed25519-note-key.js';
import { formatKeyId } from './key-id.js';
import { NoteError } from './note-error.js';
import type { NoteSigner } from './note-keys.js';
import { SIGNATURE_TYPE, type SignatureType } from './signature-types.js';
import { formatVerifierKey, splitKeyString } from './verifier-key.js';

const MAX_KEY_STRING = 1024;

/**
 * Parses a signer key, `PRIVATE+KEY+<name>+<hex key ID>+<base64(type || seed)>` — the format of
 * Go's golang.org/x/mod/sumdb/note, extended to type 0x04 for a witness's cosigning key. The key ID
 * is recomputed from the derived public key and must match. Throws `NoteError` `BAD_KEY`.
 *
 * @example
 * const signer = parseSignerKey(readFileSync('log.key', 'utf8').trim());
 */
export function parseSignerKey(skey: string, now?: () => bigint): NoteSigner {
  const bad = (why: string): NoteError => new NoteError({ code: 'BAD_KEY', message: `signer key: ${why}` });
  if (skey.length > MAX_KEY_STRING) throw bad('too long');
  const [private_, key, name, hexId, material] = splitKeyString(skey, 5);
  if (private_ !== 'PRIVATE' || key !== 'KEY' || name === undefined || hexId === undefined || material === undefined) {
    throw bad('want PRIVATE+KEY+name+id+key');
  }
  if (!/^[0-9a-f]{8}$/.test(hexId)) throw bad('key ID must be 8 lowercase hex digits');
  const bytes = decodeBase64(material);
  if (bytes === undefined || bytes.length !== 33) throw bad('key material must be base64 of 33 bytes');
  const seed = bytes.subarray(1);
  let signer: NoteSigner;
  if (bytes[0] === SIGNATURE_TYPE.ed25519) signer = ed25519NoteSigner(name, seed);
  else if (bytes[0] === SIGNATURE_TYPE.cosignatureV1) signer = cosignatureSigner(name, seed, now);
  else throw bad(`unsupported signature type ${bytes[0]}`);
  if (formatKeyId(signer.keyId) !== hexId) throw bad(`key ID ${hexId} does not match the key`);
  return signer;
}

/**
 * Generates a new key: the secret signer key string and the public verifier key string. Type 0x01
 * for a log's checkpoint key, 0x04 for a witness's cosigning key.
 *
 * @example
 * const { signerKey, verifierKey } = generateSignerKey('countersign.example/log');
 */
export function generateSignerKey(
  name: string,
  type: SignatureType = SIGNATURE_TYPE.ed25519,
): { signerKey: string; verifierKey: string } {
  const seed = new Uint8Array(randomBytes(32));
  const signer = type === SIGNATURE_TYPE.ed25519 ? ed25519NoteSigner(name, seed) : cosignatureSigner(name, seed);
  const material = new Uint8Array(33);
  material[0] = type;
  material.set(seed, 1);
  return {
    signerKey: `PRIVATE+KEY+${name}+${formatKeyId(signer.keyId)}+${encodeBase64(material)}`,
    verifierKey: formatVerifierKey(signer),
  };
}
