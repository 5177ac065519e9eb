import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../core/project-root.js';
import { formatCheckpoint } from '../../ledger/note/checkpoint.js';
import { signNote } from '../../ledger/note/signed-note.js';
import { generateSignerKey, parseSignerKey } from '../../ledger/note/signer-key.js';

// Like verify-inclusion.js, the checkpoint check is plain JS served as-is: the test loads the
// source file and runs it on Node 20's WebCrypto, which has Ed25519.

interface CheckpointInput {
  note: unknown;
  verifierKey: unknown;
  treeSize: string;
  rootHash: string;
}
type Result = { ok: true; signature: 'verified'; signer: string } | { ok: true; signature: 'unchecked'; reason: string } | { ok: false; reason: string };
type VerifyCheckpoint = (input: CheckpointInput) => Promise<Result>;

function hasVerifyCheckpoint(module: unknown): module is { verifyCheckpoint: VerifyCheckpoint } {
  return typeof module === 'object' && module !== null && 'verifyCheckpoint' in module && typeof module.verifyCheckpoint === 'function';
}

const ORIGIN = 'countersign.test/log';
const ROOT = Buffer.alloc(32, 7);

describe('verify-checkpoint.js (browser, WebCrypto Ed25519)', () => {
  let verifyCheckpoint: VerifyCheckpoint;
  const { signerKey, verifierKey } = generateSignerKey(ORIGIN);
  const other = generateSignerKey(ORIGIN);
  const witness = generateSignerKey('witness.example/w1');
  const text = formatCheckpoint({ origin: ORIGIN, size: 97n, rootHash: ROOT });
  const note = signNote(text, [parseSignerKey(signerKey), parseSignerKey(witness.signerKey)]);
  const input = { note, verifierKey, treeSize: '97', rootHash: ROOT.toString('base64') };

  beforeAll(async () => {
    const module: unknown = await import(pathToFileURL(join(projectRoot(), 'src', 'web', 'static', 'verify-checkpoint.js')).href);
    if (!hasVerifyCheckpoint(module)) throw new Error('verify-checkpoint.js does not export verifyCheckpoint');
    verifyCheckpoint = module.verifyCheckpoint;
  });

  it('verifies the log signature on a checkpoint of the proved tree, ignoring other signers', async () => {
    expect(await verifyCheckpoint(input)).toEqual({ ok: true, signature: 'verified', signer: ORIGIN });
  });

  it('refuses a checkpoint for another tree size or root', async () => {
    expect(await verifyCheckpoint({ ...input, treeSize: '98' })).toEqual({ ok: false, reason: 'the checkpoint is for a tree of 97 entries, the proof for 98' });
    expect(await verifyCheckpoint({ ...input, rootHash: Buffer.alloc(32, 8).toString('base64') })).toEqual({ ok: false, reason: 'the checkpoint\'s root hash is not the one the proof leads to' });
  });

  it('refuses a note signed by another key of the same name, or altered after signing', async () => {
    expect(await verifyCheckpoint({ ...input, verifierKey: other.verifierKey })).toEqual({ ok: false, reason: `the checkpoint carries no signature by ${ORIGIN}` });
    const forged = signNote(text, [parseSignerKey(other.signerKey)]);
    expect(await verifyCheckpoint({ ...input, note: forged })).toEqual({ ok: false, reason: `the checkpoint carries no signature by ${ORIGIN}` });
    const signature = /\u2014 countersign\.test\/log ([A-Za-z0-9+/=]+)\n/.exec(note)?.[1] ?? '';
    const bytes = Buffer.from(signature, 'base64');
    bytes[10] = (bytes[10] ?? 0) ^ 1;
    const flipped = note.replace(signature, bytes.toString('base64'));
    expect(await verifyCheckpoint({ ...input, note: flipped })).toEqual({ ok: false, reason: `the signature by ${ORIGIN} on the checkpoint does not verify` });
  });

  it('refuses a key whose ID does not match, a key for another origin, and malformed input, with reasons', async () => {
    // Base64 key material may hold '+': change the ID field only.
    const wrongId = verifierKey.replace(/^([^+]+)\+([0-9a-f]{8})\+/, (_, name: string, id: string) => `${name}+${id === '00000000' ? '00000001' : '00000000'}+`);
    expect(wrongId).not.toBe(verifierKey);
    expect(await verifyCheckpoint({ ...input, verifierKey: wrongId })).toEqual({ ok: false, reason: 'the verifier key\'s ID does not match its name and key' });
    expect(await verifyCheckpoint({ ...input, verifierKey: witness.verifierKey })).toEqual({ ok: false, reason: `the checkpoint is for "${ORIGIN}", the key for "witness.example/w1"` });
    for (const bad of [{ note: 42 }, { note: 'no blank line\n' }, { verifierKey: 'nonsense' }, { verifierKey: undefined }]) {
      const result = await verifyCheckpoint({ ...input, ...bad });
      expect(result.ok, JSON.stringify(bad)).toBe(false);
    }
  });
});
