import { createHash, createPublicKey, verify } from 'node:crypto';
import { expect } from 'vitest';

// An independent verifier for the ledger issue's acceptance check, written only from RFC 9162
// §2.1.1, c2sp.org/signed-note, tlog-checkpoint and tlog-tiles. It imports nothing from src/:
// it reads /log/key, /log/checkpoint, /log/tile/entries/… and /log/tile/0/… and recomputes
// everything itself.

const sha256 = (...parts: Uint8Array[]): Buffer => createHash('sha256').update(Buffer.concat(parts)).digest();

/** MTH(D[n]) straight from RFC 9162 §2.1.1, over leaf hashes. */
function mth(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return leaves[0] ?? sha256();
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha256(Buffer.of(1), mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

/** tlog-tiles index encoding: zero-padded 3-digit groups, `x` on all but the last. */
function tileIndex(n: number): string {
  const digits = String(n).padStart(Math.ceil(String(n).length / 3) * 3, '0');
  const groups = digits.match(/.../g) ?? [];
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/');
}

/** Verifies a served log from its public resources alone; `get` fetches a path such as `/log/key`. */
export async function independentlyVerify(get: (path: string) => Promise<Response>): Promise<{ origin: string; size: number }> {
  // Verifier key: name+hex(id)+base64(0x01 || key); id = SHA-256(name || 0x0A || 0x01 || key)[:4].
  const [name = '', id = '', material = ''] = (await (await get('/log/key')).text()).trim().split(/\+(.*?)\+(.*)/s);
  const typeAndKey = Buffer.from(material, 'base64');
  expect(typeAndKey[0]).toBe(0x01);
  const key = typeAndKey.subarray(1);
  expect(sha256(Buffer.from(`${name}\n`), typeAndKey).subarray(0, 4).toString('hex')).toBe(id);

  // Signed note: text, blank line, "— name base64(id || signature)" lines.
  const note = await (await get('/log/checkpoint')).text();
  const split = note.lastIndexOf('\n\n');
  const text = note.slice(0, split + 1);
  const line = note.slice(split + 2).split('\n').find((l) => l.startsWith(`\u2014 ${name} `)) ?? '';
  const signature = Buffer.from(line.split(' ')[2] ?? '', 'base64');
  expect(signature.subarray(0, 4).toString('hex')).toBe(id);
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.toString('base64url') }, format: 'jwk' });
  expect(verify(null, Buffer.from(text), publicKey, signature.subarray(4))).toBe(true);

  // Checkpoint: origin, decimal size, base64 root.
  const [origin = '', sizeText = '', rootText = ''] = text.split('\n');
  const size = Number(sizeText);

  // Entry bundles: big-endian uint16 length + bytes; each hashes to its level-0 tile entry.
  const leaves: Buffer[] = [];
  for (let n = 0; n * 256 < size; n++) {
    const width = Math.min(256, size - n * 256);
    const suffix = width === 256 ? '' : `.p/${width}`;
    const bundle = Buffer.from(await (await get(`/log/tile/entries/${tileIndex(n)}${suffix}`)).arrayBuffer());
    const tile = Buffer.from(await (await get(`/log/tile/0/${tileIndex(n)}${suffix}`)).arrayBuffer());
    let at = 0;
    for (let i = 0; i < width; i++) {
      const length = bundle.readUInt16BE(at);
      const leaf = sha256(Buffer.of(0), bundle.subarray(at + 2, at + 2 + length));
      expect(leaf.equals(tile.subarray(i * 32, i * 32 + 32))).toBe(true);
      leaves.push(leaf);
      at += 2 + length;
    }
    expect(at).toBe(bundle.length);
  }
  expect(mth(leaves).toString('base64')).toBe(rootText);
  return { origin, size };
}

