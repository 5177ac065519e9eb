import type { RecipientMatch } from '../matching/types.js';
import { sameBytes } from './same-bytes.js';

/** What the matcher said about one recipient's identifying bytes. */
export type RecipientVerdict =
  | { readonly kind: 'no-match' }
  | { readonly kind: 'match'; readonly match: RecipientMatch }
  | { readonly kind: 'bad-utf8'; readonly detail: string };

export const NO_MATCH: RecipientVerdict = { kind: 'no-match' };

const MAX_PROBES = 16;
const SLOT_FIELDS = 4;

/**
 * Remembers the matcher's verdict per distinct recipient, keyed by a hash of the raw bytes of the
 * identifying columns and checked against all those bytes on a hit, so a hash collision can never
 * borrow another recipient's verdict.
 *
 * Everything lives in flat typed arrays (an open-addressing slot table and one arena of key
 * bytes) rather than in a Map of objects: with tens of thousands of recipients the cache is far
 * bigger than the CPU caches, and a lookup then costs a slot read plus a few sequential cache lines
 * of key bytes, compared four bytes at a time. Memory is fixed; when the table is half full or the
 * arena is full, it starts over (the shared no-match table keeps most answers meanwhile).
 *
 * @example
 * const cache = new RecipientVerdictCache({ slots: 1 << 17, arenaBytes: 8 << 20 });
 * const hash = RecipientVerdictCache.hash(view, start, end);
 * const verdict = cache.get(hash, bytes, view, start, end) ?? cache.set(hash, bytes, start, end, computeVerdict());
 */
export class RecipientVerdictCache {
  readonly #mask: number;
  readonly #limit: number;
  /**
   * Four numbers per slot, side by side so that a probe touches one cache line: the key's arena
   * offset + 1 (0 marks an empty slot), its hash, its length, and its verdict's index in
   * #verdicts (0 is "no match", by far the most common answer).
   */
  readonly #slots: Int32Array;
  /** The whole memory the arena lies in; key references are positions in it, plus one. */
  readonly #arena: Uint8Array;
  readonly #arenaView: DataView;
  readonly #arenaStart: number;
  readonly #arenaEnd: number;
  #verdicts: RecipientVerdict[] = [NO_MATCH];
  #top: number;
  #count = 0;
  /** How many times the cache filled up and started over. */
  resets = 0;
  /** Where the slot table starts in `memory`, for the SIMD scanner, which reads it too. */
  readonly slotsAddress: number;
  readonly slotMask: number;

  /** The bytes a cache of this size occupies: its slot table, then its arena. */
  static bytesFor(slots: number, arenaBytes: number): number {
    return slots * SLOT_FIELDS * 4 + arenaBytes;
  }

  /**
   * `memory`, when given, is where the cache lives (the SIMD scanner's memory, so that it can
   * look rows up itself); otherwise the cache has memory of its own.
   */
  constructor(options: { slots: number; arenaBytes: number; memory?: { buffer: ArrayBuffer; offset: number } }) {
    if ((options.slots & (options.slots - 1)) !== 0) throw new Error('slots must be a power of two');
    const buffer = options.memory?.buffer ?? new ArrayBuffer(RecipientVerdictCache.bytesFor(options.slots, options.arenaBytes));
    const offset = options.memory?.offset ?? 0;
    this.#mask = options.slots - 1;
    this.#limit = options.slots >> 1;
    this.#slots = new Int32Array(buffer, offset, options.slots * SLOT_FIELDS);
    this.#arena = new Uint8Array(buffer);
    this.#arenaView = new DataView(buffer);
    this.#arenaStart = offset + options.slots * SLOT_FIELDS * 4;
    this.#arenaEnd = this.#arenaStart + options.arenaBytes;
    this.#top = this.#arenaStart;
    this.slotsAddress = offset;
    this.slotMask = this.#mask;
  }

  /**
   * FNV-1a style over the length and 32-bit words from both ends of the key (a UEI, DUNS and the
   * start of the name at the front, the parent's name at the back). Reads from the key's own
   * start, so the hash does not depend on where the key sits in a buffer.
   */
  static hash(view: DataView, start: number, end: number): number {
    const length = end - start;
    let h = Math.imul(0x811c9dc5 ^ length, 0x01000193);
    if (length < 8) {
      for (let i = start; i < end; i++) h = Math.imul(h ^ view.getUint8(i), 0x01000193);
      return h;
    }
    const headEnd = Math.min(end - 4, start + 28);
    for (let i = start; i <= headEnd; i += 4) h = Math.imul(h ^ view.getUint32(i, true), 0x01000193);
    h = Math.imul(h ^ view.getUint32(end - 8, true), 0x01000193);
    return Math.imul(h ^ view.getUint32(end - 4, true), 0x01000193);
  }

  /** The verdict for the key at [start, end), if known; `view` and `bytes` cover the same memory. */
  get(hash: number, bytes: Uint8Array, view: DataView, start: number, end: number): RecipientVerdict | undefined {
    const length = end - start;
    const mask = this.#mask;
    const slots = this.#slots;
    for (let probe = 0, slot = hash & mask; probe < MAX_PROBES; probe++, slot = (slot + 1) & mask) {
      const at = slot * SLOT_FIELDS;
      const reference = slots[at]!; // slot <= mask, so at + 3 < slots.length
      if (reference === 0) return undefined;
      if (slots[at + 1] !== hash || slots[at + 2] !== length) continue;
      if (sameBytes(this.#arena, this.#arenaView, reference - 1, bytes, view, start, length)) return this.#verdicts[slots[at + 3]!];
    }
    return undefined;
  }

  set(hash: number, bytes: Uint8Array, start: number, end: number, verdict: RecipientVerdict): RecipientVerdict {
    const length = end - start;
    if (this.#count >= this.#limit || this.#top + length > this.#arenaEnd) this.#clear();
    if (this.#top + length > this.#arenaEnd) return verdict; // longer than the whole arena
    const mask = this.#mask;
    const slots = this.#slots;
    for (let probe = 0, slot = hash & mask; probe < MAX_PROBES; probe++, slot = (slot + 1) & mask) {
      const at = slot * SLOT_FIELDS;
      if (slots[at] !== 0) continue;
      this.#arena.set(bytes.subarray(start, end), this.#top);
      slots[at] = this.#top + 1;
      slots[at + 1] = hash;
      slots[at + 2] = length;
      if (verdict.kind === 'no-match') slots[at + 3] = 0;
      else {
        slots[at + 3] = this.#verdicts.length;
        this.#verdicts.push(verdict);
      }
      this.#top += length;
      this.#count++;
      return verdict;
    }
    return verdict; // a crowded neighbourhood: not remembered, asked again next time
  }

  get size(): number {
    return this.#count;
  }



  #clear(): void {
    this.#slots.fill(0);
    this.#verdicts = [NO_MATCH];
    this.#top = this.#arenaStart;
    this.#count = 0;
    this.resets++;
  }
}
