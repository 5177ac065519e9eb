import { decodeBase64, encodeBase64 } from '../encoding/base64.js';
import { parseDecimal } from '../encoding/decimal.js';
import { HASH_SIZE } from '../merkle/hash.js';
import { MAX_TREE_SIZE } from '../merkle/tree-size.js';
import { NoteError } from './note-error.js';

/** The body of a checkpoint note (c2sp.org/tlog-checkpoint "Note text"). */
export interface Checkpoint {
  /** The log's identity, e.g. `countersign.example/log`. */
  readonly origin: string;
  readonly size: bigint;
  /** RFC 6962 root hash at `size`, 32 bytes. */
  readonly rootHash: Uint8Array;
  /** Opaque extension lines (NOT RECOMMENDED by the spec; kept so signatures still verify). */
  readonly extensions: readonly string[];
}

// No control characters in any line; newlines separate the lines themselves.
const CONTROL = /[\u0000-\u001f]/;

/**
 * Parses checkpoint note text strictly: an origin line, the size as canonical decimal (no leading
 * zeroes, sign, spaces or hex: `010`, `0x10`, `+1`, ` 1` are refused) up to 2^63 - 1, the root as
 * canonical base64 of exactly 32 bytes, then optional non-empty extension lines; the text ends in a
 * newline. Call it on the text of an *opened* note: an unsigned checkpoint means nothing.
 * Throws `NoteError` `MALFORMED_CHECKPOINT`.
 *
 * @example
 * const { origin, size, rootHash } = parseCheckpoint(openSignedNote(note, [logKey]).text);
 */
export function parseCheckpoint(text: string): Checkpoint {
  const malformed = (why: string): NoteError => new NoteError({ code: 'MALFORMED_CHECKPOINT', message: `checkpoint: ${why}` });
  if (!text.endsWith('\n')) throw malformed('text must end in a newline');
  const [origin, sizeLine, rootLine, ...extensions] = text.slice(0, -1).split('\n');
  if (origin === undefined || sizeLine === undefined || rootLine === undefined) throw malformed('want at least three lines');
  if (origin.length === 0 || CONTROL.test(origin)) throw malformed('origin line must be non-empty text');
  const size = parseDecimal(sizeLine, MAX_TREE_SIZE);
  if (size === undefined) throw malformed(`tree size ${JSON.stringify(sizeLine.slice(0, 40))} is not a canonical decimal below 2^63`);
  const rootHash = decodeBase64(rootLine);
  if (rootHash === undefined || rootHash.length !== HASH_SIZE) throw malformed('root hash must be base64 of 32 bytes');
  if (extensions.some((line) => line.length === 0 || CONTROL.test(line))) throw malformed('extension lines must be non-empty');
  return { origin, size, rootHash, extensions };
}

/**
 * Writes checkpoint note text, byte-exact: `<origin>\n<size>\n<base64 root>\n[extensions\n]`.
 *
 * @example
 * formatCheckpoint({ origin: 'example.com/log', size: 3n, rootHash, extensions: [] });
 * // 'example.com/log\n3\n<base64>\n'
 */
export function formatCheckpoint({ origin, size, rootHash, extensions = [] }: Omit<Checkpoint, 'extensions'> & { extensions?: readonly string[] }): string {
  const bad = (why: string): NoteError => new NoteError({ code: 'MALFORMED_CHECKPOINT', message: `cannot write checkpoint: ${why}` });
  if (origin.length === 0 || CONTROL.test(origin)) throw bad('origin must be non-empty, one line');
  if (size < 0n || size > MAX_TREE_SIZE) throw bad(`size ${size} out of range`);
  if (rootHash.length !== HASH_SIZE) throw bad('root hash must be 32 bytes');
  if (extensions.some((line) => line.length === 0 || CONTROL.test(line))) throw bad('extension lines must be non-empty, one line each');
  return [origin, size.toString(), encodeBase64(rootHash), ...extensions].join('\n') + '\n';
}
