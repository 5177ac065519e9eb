import { decodeBase64, encodeBase64 } from '../encoding/base64.js';
import { isValidKeyName } from './key-name.js';
import { NoteError } from './note-error.js';
import type { NoteSigner, NoteVerifier } from './note-keys.js';

/** One signature line of a note. */
export interface NoteSignature {
  readonly name: string;
  /** uint32 key ID, the first four signature bytes. */
  readonly keyId: number;
  /** The signature bytes after the key ID. */
  readonly signature: Uint8Array;
  /** The whole line, `— name base64`, without its newline. */
  readonly line: string;
}

/** A signed note split into its text and signature lines; nothing verified yet. */
export interface ParsedNote {
  /** The note text, final newline included, separating blank line excluded. */
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

/** A note with at least one signature from a trusted key, all trusted signatures verified. */
export interface OpenedNote {
  readonly text: string;
  /** Signatures from known keys, each verified (repeated lines dropped). */
  readonly verified: readonly NoteSignature[];
  /** Signatures from keys the caller did not pass, ignored as the spec requires. */
  readonly unknown: readonly NoteSignature[];
}

/** Bounds on what a parser accepts; the spec asks verifiers for a limit of at least 16 signatures. */
export interface NoteLimits {
  /** Default 256 KiB: 16 post-quantum signatures (~5 kB each, base64) fit with room to spare. */
  readonly maxBytes?: number;
  /** Default 100. */
  readonly maxSignatures?: number;
}

const SIGNATURE_PREFIX = '\u2014 ';
// Only newline may appear below U+0020 (c2sp.org/signed-note "Format").
const CONTROL = /[\u0000-\u0009\u000b-\u001f]/;

/**
 * Splits a signed note (c2sp.org/signed-note) into text and signature lines, strictly: valid UTF-8,
 * no control characters but newline (so CRLF is refused), text ending in newline, the text
 * separated from the signatures by the last blank line, each signature line `— <name> <base64>`
 * with a valid key name and at least one signature byte after the 4-byte key ID. Signatures are
 * not verified here; see `openSignedNote`. Throws `NoteError`.
 *
 * @example
 * const { text, signatures } = parseSignedNote(await response.bytes());
 */
export function parseSignedNote(message: Uint8Array | string, limits: NoteLimits = {}): ParsedNote {
  const maxBytes = limits.maxBytes ?? 256 * 1024;
  const maxSignatures = limits.maxSignatures ?? 100;
  const malformed = (why: string): NoteError => new NoteError({ code: 'MALFORMED_NOTE', message: `signed note: ${why}` });

  let note: string;
  if (typeof message === 'string') {
    if (message.length > maxBytes) throw new NoteError({ code: 'NOTE_TOO_LARGE', message: `note exceeds ${maxBytes} bytes` });
    if (/[\uD800-\uDFFF]/u.test(message)) throw malformed('not valid Unicode');
    note = message;
  } else {
    if (message.length > maxBytes) throw new NoteError({ code: 'NOTE_TOO_LARGE', message: `note exceeds ${maxBytes} bytes` });
    try {
      note = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(message);
    } catch {
      throw malformed('not valid UTF-8');
    }
  }
  if (new TextEncoder().encode(note).length > maxBytes) {
    throw new NoteError({ code: 'NOTE_TOO_LARGE', message: `note exceeds ${maxBytes} bytes` });
  }
  if (CONTROL.test(note)) throw malformed('control character other than newline');

  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw malformed('no blank line before the signatures');
  const text = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  if (block.length === 0 || !block.endsWith('\n')) throw malformed('signature block must be newline-terminated lines');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > maxSignatures) throw new NoteError({ code: 'NOTE_TOO_LARGE', message: `more than ${maxSignatures} signatures` });

  const signatures = lines.map((line): NoteSignature => {
    if (!line.startsWith(SIGNATURE_PREFIX)) throw malformed('signature line must start with "— "');
    const rest = line.slice(SIGNATURE_PREFIX.length);
    const space = rest.indexOf(' ');
    const name = space < 0 ? '' : rest.slice(0, space);
    const encoded = space < 0 ? '' : rest.slice(space + 1);
    if (!isValidKeyName(name)) throw malformed('bad key name on a signature line');
    const bytes = decodeBase64(encoded);
    if (bytes === undefined || bytes.length < 5) throw malformed(`bad signature for ${name}`);
    const keyId = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
    return { name, keyId, signature: bytes.subarray(4), line };
  });
  return { text, signatures };
}

/**
 * Parses a signed note and verifies it against the trusted keys (c2sp.org/signed-note
 * "Signatures"): signatures whose (name, key ID) match no trusted key are ignored; every signature
 * from a trusted key must verify (`BAD_SIGNATURE` otherwise); at least one must be present
 * (`NO_TRUSTED_SIGNATURE`). Throws `NoteError`.
 *
 * @example
 * const { text } = openSignedNote(checkpointNote, [parseVerifierKey(logKey)]);
 * const checkpoint = parseCheckpoint(text);
 */
export function openSignedNote(message: Uint8Array | string, verifiers: readonly NoteVerifier[], limits?: NoteLimits): OpenedNote {
  const { text, signatures } = parseSignedNote(message, limits);
  const textBytes = new TextEncoder().encode(text);
  const verified: NoteSignature[] = [];
  const unknown: NoteSignature[] = [];
  const seen = new Set<string>();
  for (const signature of signatures) {
    if (seen.has(signature.line)) continue;
    seen.add(signature.line);
    const candidates = verifiers.filter((v) => v.name === signature.name && v.keyId === signature.keyId);
    if (candidates.length === 0) {
      unknown.push(signature);
      continue;
    }
    if (!candidates.some((verifier) => verifier.verify(textBytes, signature.signature))) {
      throw new NoteError({ code: 'BAD_SIGNATURE', message: `signature by ${signature.name} does not verify` });
    }
    verified.push(signature);
  }
  if (verified.length === 0) {
    throw new NoteError({ code: 'NO_TRUSTED_SIGNATURE', message: 'no signature from a trusted key' });
  }
  return { text, verified, unknown };
}

/**
 * One signature line, `— <name> <base64(key ID || signature)>` plus newline, for `text`.
 *
 * @example
 * const cosignature = formatSignatureLine(witnessSigner, checkpointText);
 */
export function formatSignatureLine(signer: NoteSigner, text: string): string {
  checkNoteText(text);
  const signature = signer.sign(new TextEncoder().encode(text));
  const bytes = new Uint8Array(4 + signature.length);
  new DataView(bytes.buffer).setUint32(0, signer.keyId);
  bytes.set(signature, 4);
  return `${SIGNATURE_PREFIX}${signer.name} ${encodeBase64(bytes)}\n`;
}

/**
 * Signs `text` with each signer and returns the whole note: text, blank line, signature lines.
 *
 * @example
 * const note = signNote(formatCheckpoint(checkpoint), [logSigner]);
 */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  if (signers.length === 0) throw new NoteError({ code: 'BAD_KEY', message: 'a note needs at least one signer' });
  checkNoteText(text);
  return `${text}\n${signers.map((signer) => formatSignatureLine(signer, text)).join('')}`;
}

function checkNoteText(text: string): void {
  if (text.length === 0 || !text.endsWith('\n') || CONTROL.test(text) || /[\uD800-\uDFFF]/u.test(text)) {
    throw new NoteError({ code: 'BAD_TEXT', message: 'note text must be non-empty, end in a newline, and hold no control characters' });
  }
}
