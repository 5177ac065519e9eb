import { describe, expect, it } from 'vitest';
import { NoteError, type NoteErrorCode } from './note-error.js';
import { openSignedNote, parseSignedNote, signNote } from './signed-note.js';
import { generateSignerKey, parseSignerKey } from './signer-key.js';
import { formatVerifierKey, parseVerifierKey } from './verifier-key.js';

// c2sp.org/signed-note, "Verifier keys" example.
const SPEC_VKEY = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
const SPEC_NOTE =
  'This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';

// The example of golang.org/x/mod/sumdb/note's package documentation (the reference implementation).
const GO_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_SIGNATURE = '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';

function codeOf(run: () => unknown): NoteErrorCode | 'accepted' | 'crashed' {
  try {
    run();
    return 'accepted';
  } catch (error) {
    return error instanceof NoteError ? error.code : 'crashed';
  }
}

describe('signed notes (c2sp.org/signed-note)', () => {
  it('verifies the specification example', () => {
    const opened = openSignedNote(SPEC_NOTE, [parseVerifierKey(SPEC_VKEY)]);
    expect(opened.text).toBe('This is an example message.\n');
    expect(opened.verified.map((s) => s.name)).toEqual(['example.com/foo']);
  });

  it('reproduces the Go reference signature byte for byte, and parses its keys', () => {
    const signer = parseSignerKey(GO_SKEY);
    expect(signer.keyId).toBe(0xc74f20a3);
    expect(formatVerifierKey(signer)).toBe(GO_VKEY);
    expect(signNote(GO_TEXT, [signer])).toBe(`${GO_TEXT}\n${GO_SIGNATURE}`);
    expect(openSignedNote(`${GO_TEXT}\n${GO_SIGNATURE}`, [parseVerifierKey(GO_VKEY)]).text).toBe(GO_TEXT);
  });

  it('rejects every truncation and every one-byte change of a key string', () => {
    for (const [key, parse] of [
      [GO_VKEY, parseVerifierKey],
      [GO_SKEY, parseSignerKey],
    ] as const) {
      for (let i = 0; i < key.length; i++) {
        for (let j = i + 1; j <= key.length; j++) {
          if (i === 0 && j === key.length) continue;
          expect(codeOf(() => parse(key.slice(i, j))), key.slice(i, j)).toBe('BAD_KEY');
        }
        const changed = key.slice(0, i) + String.fromCharCode(key.charCodeAt(i) + 1) + key.slice(i + 1);
        expect(codeOf(() => parse(changed)), changed).toBe('BAD_KEY');
      }
    }
    // A wrong-length key and an unknown algorithm, each with a key ID adjusted to match.
    expect(codeOf(() => parseVerifierKey('PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=='))).toBe('BAD_KEY');
    expect(codeOf(() => parseVerifierKey('PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'))).toBe('BAD_KEY');
  });

  it('generates keys that sign and verify, and whose strings round-trip', () => {
    const { signerKey, verifierKey } = generateSignerKey('countersign.example/log');
    expect(signerKey).toMatch(/^PRIVATE\+KEY\+countersign\.example\/log\+[0-9a-f]{8}\+A[A-Za-z0-9+/]{43}$/);
    const signer = parseSignerKey(signerKey);
    expect(formatVerifierKey(parseVerifierKey(verifierKey))).toBe(verifierKey);
    const note = signNote('hello\n', [signer]);
    expect(openSignedNote(note, [parseVerifierKey(verifierKey)]).text).toBe('hello\n');
  });

  it('ignores unknown keys, rejects a bad signature from a known key, needs one trusted signature', () => {
    const log = parseSignerKey(GO_SKEY);
    const other = parseSignerKey(generateSignerKey('other.example').signerKey);
    const logKey = parseVerifierKey(GO_VKEY);
    const note = signNote(GO_TEXT, [log, other]);
    const opened = openSignedNote(note, [logKey]);
    expect(opened.verified).toHaveLength(1);
    expect(opened.unknown.map((s) => s.name)).toEqual(['other.example']);
    expect(codeOf(() => openSignedNote(note, [parseVerifierKey(formatVerifierKey(other))]))).toBe('accepted');
    expect(codeOf(() => openSignedNote(signNote(GO_TEXT, [other]), [logKey]))).toBe('NO_TRUSTED_SIGNATURE');
    // Same name and key ID, signature over other text: the whole note is refused.
    const forged = `${GO_TEXT.replace('problem,', 'problem;')}\n${GO_SIGNATURE}`;
    expect(codeOf(() => openSignedNote(forged, [logKey]))).toBe('BAD_SIGNATURE');
    // Same name, different key ID: not this key, so ignored (and then nothing trusted remains).
    const otherId = GO_SIGNATURE.replace('x08go', 'x08gp');
    expect(codeOf(() => openSignedNote(`${GO_TEXT}\n${otherId}`, [logKey]))).toBe('NO_TRUSTED_SIGNATURE');
    // A repeated line is dropped, not double-counted.
    expect(openSignedNote(`${GO_TEXT}\n${GO_SIGNATURE}${GO_SIGNATURE}`, [logKey]).verified).toHaveLength(1);
  });

  it('refuses malformed notes with a reason instead of guessing', () => {
    const sig = GO_SIGNATURE;
    const cases: Array<[string, Uint8Array | string, NoteErrorCode]> = [
      ['CRLF line endings', `${GO_TEXT.replaceAll('\n', '\r\n')}\r\n${sig}`, 'MALFORMED_NOTE'],
      ['no blank line', `${GO_TEXT}${sig}`, 'MALFORMED_NOTE'],
      ['no signatures', `${GO_TEXT}\n`, 'MALFORMED_NOTE'],
      ['no final newline', `${GO_TEXT}\n${sig.trimEnd()}`, 'MALFORMED_NOTE'],
      ['hyphen instead of em dash', `${GO_TEXT}\n${sig.replace('—', '-')}`, 'MALFORMED_NOTE'],
      ['two spaces', `${GO_TEXT}\n${sig.replace(' x08', '  x08')}`, 'MALFORMED_NOTE'],
      ['plus in name', `${GO_TEXT}\n${sig.replace('PeterNeumann', 'Peter+Neumann')}`, 'MALFORMED_NOTE'],
      ['no-break space in name', `${GO_TEXT}\n${sig.replace('PeterNeumann', 'Peter\u00a0Neumann')}`, 'MALFORMED_NOTE'],
      ['unpadded base64', `${GO_TEXT}\n${sig.replace('AM=', 'AM')}`, 'MALFORMED_NOTE'],
      ['signature of only a key ID', `${GO_TEXT}\n— PeterNeumann x08gow==\n`, 'MALFORMED_NOTE'],
      ['tab in text', `a\tb\n\n${sig}`, 'MALFORMED_NOTE'],
      ['NUL in text', `a\u0000b\n\n${sig}`, 'MALFORMED_NOTE'],
      ['invalid UTF-8', Uint8Array.from([0x61, 0xff, 0x0a, 0x0a, ...new TextEncoder().encode(sig)]), 'MALFORMED_NOTE'],
      ['truncated UTF-8 em dash', new TextEncoder().encode(`${GO_TEXT}\n${sig}`).subarray(0, GO_TEXT.length + 2), 'MALFORMED_NOTE'],
      ['lone surrogate', `a\ud800\n\n${sig}`, 'MALFORMED_NOTE'],
      ['101 signatures', `${GO_TEXT}\n${sig.repeat(101)}`, 'NOTE_TOO_LARGE'],
      ['300 KiB', `${'a'.repeat(300 * 1024)}\n\n${sig}`, 'NOTE_TOO_LARGE'],
    ];
    for (const [what, note, code] of cases) expect(codeOf(() => parseSignedNote(note)), what).toBe(code);
    // Sixteen signatures must be accepted (signed-note "Format").
    expect(parseSignedNote(`${GO_TEXT}\n${sig.repeat(16)}`).signatures).toHaveLength(16);
    // The last blank line separates: text may contain blank lines of its own.
    expect(parseSignedNote(`a\n\nb\n\n${sig}`).text).toBe('a\n\nb\n');
  });

  it('refuses to sign text a note cannot carry', () => {
    const signer = parseSignerKey(GO_SKEY);
    for (const text of ['', 'no newline', 'a\r\n', 'tab\t\n']) expect(codeOf(() => signNote(text, [signer]))).toBe('BAD_TEXT');
  });
});
