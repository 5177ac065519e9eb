import { decodeBase64, encodeBase64 } from '../encoding/base64.js';
import { cosignatureVerifier } from './cosignature.js';
import { ed25519NoteVerifier } from './ed25519-note-key.js';
import { formatKeyId } from './key-id.js';
import { NoteError } from './note-error.js';
import type { NoteVerifier } from './note-keys.js';
import { SIGNATURE_TYPE } from './signature-types.js';

const MAX_KEY_STRING = 1024;

/**
 * Parses a verifier key, `<name>+<hex key ID>+<base64(type || public key)>` (c2sp.org/signed-note
 * "Verifier keys"), into a verifier. Types 0x01 (Ed25519 note signatures) and 0x04 (`cosignature/v1`)
 * are supported. The key ID must be the one the name, type and key imply, so a key string cannot
 * claim someone else's ID. Throws `NoteError` `BAD_KEY`.
 *
 * @example
 * const verifier = parseVerifierKey('example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k');
 */
export function parseVerifierKey(vkey: string): NoteVerifier {
  const bad = (why: string): NoteError => new NoteError({ code: 'BAD_KEY', message: `verifier key: ${why}` });
  if (vkey.length > MAX_KEY_STRING) throw bad('too long');
  // Names never hold '+', but base64 key material may: split at the first two only.
  const [name, hexId, material] = splitKeyString(vkey, 3);
  if (name === undefined || hexId === undefined || material === undefined) throw bad('want name+id+key');
  if (!/^[0-9a-f]{8}$/.test(hexId)) throw bad('key ID must be 8 lowercase hex digits');
  const bytes = decodeBase64(material);
  if (bytes === undefined || bytes.length === 0) throw bad('key material is not base64');
  const type = bytes[0];
  const publicKey = bytes.subarray(1);
  let verifier: NoteVerifier;
  if (type === SIGNATURE_TYPE.ed25519 && publicKey.length === 32) verifier = ed25519NoteVerifier(name, publicKey);
  else if (type === SIGNATURE_TYPE.cosignatureV1 && publicKey.length === 32) verifier = cosignatureVerifier(name, publicKey);
  else throw bad(`unsupported signature type ${type} or key length ${publicKey.length}`);
  if (formatKeyId(verifier.keyId) !== hexId) throw bad(`key ID ${hexId} does not match the key (${formatKeyId(verifier.keyId)})`);
  return verifier;
}

/**
 * Writes a verifier key string for a verifier or signer (its public half).
 *
 * @example
 * formatVerifierKey(signer);  // 'countersign.example/log+1a2b3c4d+AY...'
 */
export function formatVerifierKey(key: Pick<NoteVerifier, 'name' | 'keyId' | 'type' | 'publicKey'>): string {
  const material = new Uint8Array(1 + key.publicKey.length);
  material[0] = key.type;
  material.set(key.publicKey, 1);
  return `${key.name}+${formatKeyId(key.keyId)}+${encodeBase64(material)}`;
}

/**
 * Splits a key string at its first `count - 1` plus signs; the last field keeps any further `+`
 * (base64 uses it). Returns fewer fields if there are not enough separators.
 *
 * @example
 * splitKeyString('a+b+c+d', 3);  // ['a', 'b', 'c+d']
 */
export function splitKeyString(key: string, count: number): string[] {
  const fields: string[] = [];
  let rest = key;
  while (fields.length < count - 1) {
    const plus = rest.indexOf('+');
    if (plus < 0) return fields;
    fields.push(rest.slice(0, plus));
    rest = rest.slice(plus + 1);
  }
  fields.push(rest);
  return fields;
}
