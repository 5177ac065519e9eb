// Checks, in the browser, that a log entry is included in a Countersign checkpoint: an RFC 9162
// §2.1.3.2 inclusion proof verified with WebCrypto's SHA-256. Plain, dependency-free ES module,
// served as-is. Indices are BigInt throughout: `>>` on a JS number is 32-bit, and an index is
// attacker-controlled, so every input is parsed defensively before use.

const MAX_INDEX = (1n << 63n) - 1n;
const HASH_SIZE = 32;

/**
 * Verifies an inclusion proof.
 *
 * @param {object} input
 * @param {string} [input.entry]    the entry bytes, base64 (hashed as SHA-256(0x00 || entry))
 * @param {string} [input.leafHash] or the leaf hash itself, base64 (32 bytes)
 * @param {number|string|bigint} input.index     leaf index
 * @param {number|string|bigint} input.treeSize  size of the tree the root belongs to
 * @param {string[]} input.proof    audit path, base64 hashes, lowest level first
 * @param {string} input.rootHash   the checkpoint's root hash, base64
 * @returns {Promise<{ok: true} | {ok: false, reason: string}>}
 *
 * @example
 * const result = await verifyInclusion({ entry, index: '41', treeSize: '1000', proof, rootHash });
 * button.textContent = result.ok ? 'Included ✓' : `Not verified: ${result.reason}`;
 */
export async function verifyInclusion(input) {
  try {
    const index = parseIndex(input.index, 'index');
    const size = parseIndex(input.treeSize, 'tree size');
    if (index >= size) return fail('index is not below the tree size');
    const root = decodeBase64(input.rootHash, 'root hash');
    if (root.length !== HASH_SIZE) return fail('root hash is not 32 bytes');
    if (!Array.isArray(input.proof) || input.proof.length > 64) return fail('proof must be a list of at most 64 hashes');
    const proof = input.proof.map((hash, i) => decodeBase64(hash, `proof hash ${i}`));
    if (proof.some((hash) => hash.length !== HASH_SIZE)) return fail('every proof hash must be 32 bytes');

    let r;
    if (typeof input.entry === 'string') r = await sha256(concat(Uint8Array.of(0), decodeBase64(input.entry, 'entry')));
    else if (typeof input.leafHash === 'string') r = decodeBase64(input.leafHash, 'leaf hash');
    else return fail('give the entry or its leaf hash');
    if (r.length !== HASH_SIZE) return fail('leaf hash is not 32 bytes');

    // RFC 9162 §2.1.3.2.
    let fn = index;
    let sn = size - 1n;
    for (const p of proof) {
      if (sn === 0n) return fail('proof is longer than the path');
      if ((fn & 1n) === 1n || fn === sn) {
        r = await sha256(concat(Uint8Array.of(1), p, r));
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      } else {
        r = await sha256(concat(Uint8Array.of(1), r, p));
      }
      fn >>= 1n;
      sn >>= 1n;
    }
    if (sn !== 0n) return fail('proof is shorter than the path');
    if (!equal(r, root)) return fail('proof leads to a different root');
    return { ok: true };
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

function fail(reason) {
  return { ok: false, reason };
}

function parseIndex(value, what) {
  let n;
  if (typeof value === 'bigint') n = value;
  else if (typeof value === 'number' && Number.isSafeInteger(value)) n = BigInt(value);
  else if (typeof value === 'string' && /^(?:0|[1-9][0-9]{0,18})$/.test(value)) n = BigInt(value);
  else throw new Error(`${what} is not a canonical non-negative integer`);
  if (n < 0n || n > MAX_INDEX) throw new Error(`${what} is out of range`);
  return n;
}

function decodeBase64(text, what) {
  if (typeof text !== 'string' || !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) {
    throw new Error(`${what} is not base64`);
  }
  const binary = atob(text);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  // Only the canonical spelling: stray bits in the last character would give two spellings of one value.
  if (btoa(binary) !== text) throw new Error(`${what} is not canonical base64`);
  return bytes;
}

async function sha256(bytes) {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
}

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function equal(a, b) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}
