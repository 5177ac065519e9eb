import type { RecipientMatch } from '../matching/types.js';

/** What the matcher said about one recipient's identifying bytes. */
export type RecipientVerdict =
  | { readonly kind: 'no-match' }
  | { readonly kind: 'match'; readonly match: RecipientMatch }
  | { readonly kind: 'bad-utf8'; readonly detail: string };

interface Entry {
  readonly key: Uint8Array;
  readonly verdict: RecipientVerdict;
}

/**
 * Remembers the matcher's verdict per distinct recipient, keyed by a hash of the raw bytes of the
 * identifying columns and checked against those bytes on a hit, so a hash collision can never
 * borrow another recipient's verdict. Two generations of at most `limit` entries each keep memory
 * flat on any file: when the young one fills, the old one is dropped, and what is still in use
 * moves back up on its next hit.
 *
 * @example
 * const cache = new RecipientVerdictCache(50_000);
 * const hash = RecipientVerdictCache.hash(buf, start, end);
 * const verdict = cache.get(hash, buf, start, end) ?? cache.set(hash, buf, start, end, computeVerdict());
 */
export class RecipientVerdictCache {
  #young = new Map<number, Entry>();
  #old = new Map<number, Entry>();
  readonly #limit: number;
  hits = 0;
  misses = 0;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** FNV-1a over the bytes: cheap, and the bytes are hot in cache right after the scan. */
  static hash(buf: Uint8Array, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ (buf[i] ?? 0), 0x01000193);
    return h;
  }

  get(hash: number, buf: Uint8Array, start: number, end: number): RecipientVerdict | undefined {
    let entry = this.#young.get(hash);
    if (entry === undefined) {
      entry = this.#old.get(hash);
      if (entry !== undefined && sameBytes(entry.key, buf, start, end)) {
        this.#remember(hash, entry);
        this.hits++;
        return entry.verdict;
      }
      this.misses++;
      return undefined;
    }
    if (!sameBytes(entry.key, buf, start, end)) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    return entry.verdict;
  }

  set(hash: number, buf: Uint8Array, start: number, end: number, verdict: RecipientVerdict): RecipientVerdict {
    // A copy: the read buffer is reused for the next chunk.
    this.#remember(hash, { key: new Uint8Array(buf.subarray(start, end)), verdict });
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

function sameBytes(key: Uint8Array, buf: Uint8Array, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let i = 0; i < key.length; i++) if (key[i] !== buf[start + i]) return false;
  return true;
}
