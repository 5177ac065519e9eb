// Checks, in the browser, that a checkpoint names the tree an inclusion proof was checked against
// and carries the log's signature (c2sp.org/tlog-checkpoint, c2sp.org/signed-note: Ed25519 note
// signatures, type 0x01), with WebCrypto. Ed25519 is not in every browser's WebCrypto (Chromium
// has it; older Safari does not): then the size and root are still compared, and the result says
// the signature was not checked here instead of failing or pretending. Plain ES module, served as-is.

const MAX_NOTE = 64 * 1024;
const SIGNATURE_PREFIX = '\u2014 ';
const ED25519 = 0x01;

/**
 * Verifies a signed checkpoint note against the log's verifier key and the tree a proof used.
 *
 * @param {object} input
 * @param {string} input.note         the signed checkpoint note, as served
 * @param {string} input.verifierKey  `<name>+<hex key ID>+<base64(0x01 || public key)>`
 * @param {string} input.treeSize     the tree size the inclusion proof was checked against
 * @param {string} input.rootHash     that tree's root hash, base64
 * @returns {Promise<{ok: true, signature: 'verified', signer: string}
 *   | {ok: true, signature: 'unchecked', reason: string}
 *   | {ok: false, reason: string}>}
 *
 * @example
 * const result = await verifyCheckpoint({ note, verifierKey, treeSize: '1000', rootHash });
 * if (result.ok && result.signature === 'unchecked') say(`signature not checked: ${result.reason}`);
 */
export async function verifyCheckpoint(input) {
  try {
    const { note, verifierKey } = input;
    if (typeof note !== 'string' || note.length > MAX_NOTE) return fail('the checkpoint is not a note of at most 64 KiB');
    const split = note.lastIndexOf('\n\n');
    if (split < 0) return fail('the checkpoint has no blank line before its signatures');
    const text = note.slice(0, split + 1);
    const block = note.slice(split + 2);
    if (!block.endsWith('\n')) return fail('the checkpoint\'s signature lines do not end in a newline');

    const [origin, size, root] = text.slice(0, -1).split('\n');
    if (size !== String(input.treeSize)) return fail(`the checkpoint is for a tree of ${size} entries, the proof for ${input.treeSize}`);
    if (root !== input.rootHash) return fail('the checkpoint\'s root hash is not the one the proof leads to');

    const key = parseVerifierKey(verifierKey);
    // c2sp.org/tlog-checkpoint: the origin line names the log, and the log signs with a key of that name.
    if (origin !== key.name) return fail(`the checkpoint is for "${origin}", the key for "${key.name}"`);
    if (await keyId(key) !== key.hexId) return fail('the verifier key\'s ID does not match its name and key');

    const signatures = block.slice(0, -1).split('\n')
      .filter((line) => line.startsWith(`${SIGNATURE_PREFIX}${key.name} `))
      .map((line) => decodeBase64(line.slice(SIGNATURE_PREFIX.length + key.name.length + 1), 'signature'))
      .filter((bytes) => bytes.length === 68 && hex(bytes.subarray(0, 4)) === key.hexId)
      .map((bytes) => bytes.subarray(4));
    if (signatures.length === 0) return fail(`the checkpoint carries no signature by ${key.name}`);

    let publicKey;
    try {
      publicKey = await crypto.subtle.importKey('raw', key.publicKey, { name: 'Ed25519' }, false, ['verify']);
    } catch {
      return { ok: true, signature: 'unchecked', reason: 'this browser cannot check Ed25519 signatures' };
    }
    const message = new TextEncoder().encode(text);
    for (const signature of signatures) {
      if (await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, signature, message)) return { ok: true, signature: 'verified', signer: key.name };
    }
    return fail(`the signature by ${key.name} on the checkpoint does not verify`);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

function fail(reason) {
  return { ok: false, reason };
}

/** `<name>+<hex key ID>+<base64>`; names hold no '+', base64 may: split at the first two only. */
function parseVerifierKey(text) {
  if (typeof text !== 'string' || text.length > 1024) throw new Error('the verifier key is missing');
  const first = text.indexOf('+');
  const second = text.indexOf('+', first + 1);
  if (first <= 0 || second < 0) throw new Error('the verifier key is not name+id+key');
  const name = text.slice(0, first);
  const hexId = text.slice(first + 1, second);
  if (!/^[0-9a-f]{8}$/.test(hexId)) throw new Error('the verifier key\'s ID is not 8 hex digits');
  const material = decodeBase64(text.slice(second + 1), 'verifier key');
  if (material.length !== 33 || material[0] !== ED25519) throw new Error('the verifier key is not an Ed25519 note key');
  return { name, hexId, publicKey: material.subarray(1) };
}

/** c2sp.org/signed-note: the first four bytes of SHA-256(name || 0x0A || type || public key). */
async function keyId({ name, publicKey }) {
  const nameBytes = new TextEncoder().encode(name);
  const input = new Uint8Array(nameBytes.length + 2 + publicKey.length);
  input.set(nameBytes);
  input.set([0x0a, ED25519], nameBytes.length);
  input.set(publicKey, nameBytes.length + 2);
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', input)).subarray(0, 4));
}

function hex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function decodeBase64(text, what) {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) throw new Error(`the ${what} is not base64`);
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
