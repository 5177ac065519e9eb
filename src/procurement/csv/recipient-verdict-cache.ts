import type { RecipientMatch } from '../matching/types.js';

/** What the matcher said about one recipient's identifying bytes. */
export type RecipientVerdict =
  | { readonly kind: 'no-match' }
  | { readonly kind: 'match'; readonly match: RecipientMatch }
  | { readonly kind: 'bad-utf8'; readonly detail: string };

class Entry {
  /**
   * The key's bytes as 32-bit words for each of the four alignments the key can have in a read
   * buffer, made on first use: comparing words is four times fewer steps than comparing bytes.
   */
  readonly words: (Uint32Array | undefined)[] = [undefined, undefined, undefined, undefined];
  constructor(
    readonly key: Uint8Array,
    readonly verdict: RecipientVerdict,
  ) {}
}

// Bytes hashed from each end of the key: a UEI, DUNS and the start of the name at the front, the
// parent's name at the back. Equality is always checked on every byte.
const HASHED_HEAD = 28;
const HASHED_TAIL = 8;

/**
 * Remembers the matcher's verdict per distinct recipient, keyed by a hash of the raw bytes of the
 * identifying columns and checked against all those bytes on a hit, so a hash collision can never
 * borrow another recipient's verdict. Two generations of at most `limit` entries each keep memory
 * flat on any file: when the young one fills, the old one is dropped, and what is still in use
 * moves back up on its next hit.
 *
 * @example
 * const cache = new RecipientVerdictCache(32_768);
 * const hash = RecipientVerdictCache.hash(bytes, start, end);
 * const verdict = cache.get(hash, bytes, words, shift, start, end) ?? cache.set(hash, bytes, start, end, computeVerdict());
 */
export class RecipientVerdictCache {
  #young = new Map<number, Entry>();
  #old = new Map<number, Entry>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** FNV-1a over the length and the bytes at both ends of the key. */
  static hash(bytes: Uint8Array, start: number, end: number): number {
    let h = Math.imul(0x811c9dc5 ^ (end - start), 0x01000193);
    const headEnd = Math.min(end, start + HASHED_HEAD);
    for (let i = start; i < headEnd; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193); // i < end
    for (let i = Math.max(headEnd, end - HASHED_TAIL); i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
    return h;
  }

  /**
   * The verdict for the key at [start, end) of `bytes`, if known. `words` is a 32-bit view of the
   * same memory in which word k covers bytes [4k - shift, 4k - shift + 4).
   */
  get(hash: number, bytes: Uint8Array, words: Uint32Array, shift: number, start: number, end: number): RecipientVerdict | undefined {
    let entry = this.#young.get(hash);
    if (entry === undefined) {
      entry = this.#old.get(hash);
      if (entry === undefined || !sameKey(entry, bytes, words, shift, start, end)) return undefined;
      this.#remember(hash, entry);
      return entry.verdict;
    }
    return sameKey(entry, bytes, words, shift, start, end) ? entry.verdict : undefined;
  }

  set(hash: number, bytes: Uint8Array, start: number, end: number, verdict: RecipientVerdict): RecipientVerdict {
    // A copy: the read buffer is reused for the next chunk.
    this.#remember(hash, new Entry(bytes.slice(start, end), verdict));
    return verdict;
  }

  get size(): number {
    return this.#young.size + this.#old.size;
  }

  #remember(hash: number, entry: Entry): void {
    if (this.#young.size >= this.#limit) {
      this.#old = this.#young;
      this.#young = new Map();
    }
    this.#young.set(hash, entry);
  }
}

function sameKey(entry: Entry, bytes: Uint8Array, words: Uint32Array, shift: number, start: number, end: number): boolean {
  const key = entry.key;
  const length = key.length;
  if (length !== end - start) return false;
  // Bytes before the first word boundary, then whole words, then the tail.
  const head = Math.min(length, (4 - ((start + shift) & 3)) & 3);
  for (let j = 0; j < head; j++) if (key[j] !== bytes[start + j]) return false;
  const count = (length - head) >> 2;
  let keyWords = entry.words[head];
  if (keyWords === undefined) {
    keyWords = new Uint32Array(count);
    const view = new DataView(key.buffer, key.byteOffset, key.byteLength);
    for (let w = 0; w < count; w++) keyWords[w] = view.getUint32(head + 4 * w, true);
    entry.words[head] = keyWords;
  }
  const first = (start + head + shift) >> 2;
  for (let w = 0; w < count; w++) if (keyWords[w] !== words[first + w]) return false;
  for (let j = head + 4 * count; j < length; j++) if (key[j] !== bytes[start + j]) return false;
  return true;
}
