import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatCheckpoint, parseCheckpoint } from './checkpoint.js';
import { cosignatureMessage, cosignatureSigner, cosignatureTimestamp, cosignatureVerifier } from './cosignature.js';
import { computeKeyId } from './key-id.js';
import { NoteError } from './note-error.js';
import { SIGNATURE_TYPE } from './signature-types.js';
import { openSignedNote, parseSignedNote, signNote } from './signed-note.js';
import { generateSignerKey, parseSignerKey } from './signer-key.js';
import { formatVerifierKey, parseVerifierKey } from './verifier-key.js';

// c2sp.org/tlog-checkpoint and c2sp.org/tlog-cosignature examples.
const SPEC_TEXT = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
const SPEC_COSIGNATURE =
  '— witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==\n';

describe('checkpoints (c2sp.org/tlog-checkpoint)', () => {
  it('parses the specification example and writes it back byte for byte', () => {
    const checkpoint = parseCheckpoint(SPEC_TEXT);
    expect(checkpoint.origin).toBe('example.com/behind-the-sofa');
    expect(checkpoint.size).toBe(20852163n);
    expect(Buffer.from(checkpoint.rootHash).toString('base64')).toBe('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=');
    expect(formatCheckpoint(checkpoint)).toBe(SPEC_TEXT);
    expect(parseCheckpoint(`${SPEC_TEXT}ext one\n`).extensions).toEqual(['ext one']);
  });

  it('refuses non-canonical sizes and bad roots', () => {
    const root = 'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=';
    const sizes = ['010', '0x10', '+1', '-1', ' 1', '1 ', '1.0', '1e3', '', '٣', '9223372036854775808', '18446744073709551616', '00'];
    for (const size of sizes) {
      expect(() => parseCheckpoint(`o\n${size}\n${root}\n`), size).toThrow(NoteError);
    }
    expect(parseCheckpoint(`o\n0\n${root}\n`).size).toBe(0n);
    expect(parseCheckpoint(`o\n9223372036854775807\n${root}\n`).size).toBe(2n ** 63n - 1n);
    const roots = ['', 'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I', 'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=', 'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jx', 'AAAA' + root];
    for (const bad of roots) expect(() => parseCheckpoint(`o\n1\n${bad}\n`), bad).toThrow(NoteError);
    for (const text of [`o\n1\n${root}`, `\n1\n${root}\n`, `o\n1\n`, `o\n1\n${root}\n\n`, `o\r\n1\n${root}\n`]) {
      expect(() => parseCheckpoint(text), JSON.stringify(text)).toThrow(NoteError);
    }
  });
});

describe('cosignatures (c2sp.org/tlog-cosignature, cosignature/v1)', () => {
  it('builds the signed message exactly as the specification shows', () => {
    const message = new TextDecoder().decode(cosignatureMessage(1679315147n, new TextEncoder().encode(SPEC_TEXT)));
    expect(message).toBe(`cosignature/v1\ntime 1679315147\n${SPEC_TEXT}`);
  });

  it('reads the timestamp of the specification example (u64 big-endian after the key ID)', () => {
    const [signature] = parseSignedNote(`${SPEC_TEXT}\n${SPEC_COSIGNATURE}`).signatures;
    expect(signature?.signature.length).toBe(72);
    expect(signature && cosignatureTimestamp(signature.signature)).toBe(1679315147n);
  });

  it('derives the key ID over type 0x04 and signs verifiably with the given time', () => {
    const { signerKey } = generateSignerKey('witness.example/w1', SIGNATURE_TYPE.cosignatureV1);
    const seed = Buffer.from(signerKey.split('+').slice(4).join('+'), 'base64').subarray(1);
    const cosigner = cosignatureSigner('witness.example/w1', seed, () => 1700000000n);
    const expectedId = createHash('sha256').update('witness.example/w1\n').update(Uint8Array.of(0x04)).update(cosigner.publicKey).digest().readUInt32BE(0);
    expect(cosigner.keyId).toBe(expectedId);
    expect(computeKeyId('witness.example/w1', SIGNATURE_TYPE.ed25519, cosigner.publicKey)).not.toBe(expectedId);

    const log = parseSignerKey(generateSignerKey('example.com/log').signerKey);
    const text = formatCheckpoint({ origin: 'example.com/log', size: 5n, rootHash: new Uint8Array(32).fill(7) });
    const note = signNote(text, [log, cosigner]);
    const vkey = formatVerifierKey(cosigner);
    expect(vkey).toMatch(/^witness\.example\/w1\+[0-9a-f]{8}\+B/);
    const opened = openSignedNote(note, [parseVerifierKey(formatVerifierKey(log)), parseVerifierKey(vkey)]);
    expect(opened.verified).toHaveLength(2);
    const cosignature = opened.verified.find((s) => s.name === 'witness.example/w1');
    expect(cosignature && cosignatureTimestamp(cosignature.signature)).toBe(1700000000n);

    // A changed timestamp breaks the signature; a cosignature does not verify as a plain note signature.
    const line = note.split('\n').find((l) => l.startsWith('— witness')) ?? '';
    const bytes = Buffer.from(line.split(' ')[2] ?? '', 'base64');
    bytes[11] = (bytes[11] ?? 0) ^ 1;
    const tampered = note.replace(line, `— witness.example/w1 ${bytes.toString('base64')}`);
    expect(() => openSignedNote(tampered, [cosignatureVerifier('witness.example/w1', cosigner.publicKey)])).toThrow(NoteError);
    expect(cosignatureVerifier('witness.example/w1', cosigner.publicKey).verify(new TextEncoder().encode(text), new Uint8Array(71))).toBe(false);
    expect(() => cosignatureSigner('w', seed, () => 0n).sign(new TextEncoder().encode(text))).toThrow(RangeError);
  });
});
