import { sameBytes } from './same-bytes.js';

/**
 * Recipients the matcher found nothing for, shared by all scan workers through shared memory, so
 * a recipient seen by one worker is not matched again by the other (the matcher costs tens of
 * microseconds a call; most recipients are not on any watchlist). Bounded: a fixed slot table and
 * a fixed arena for the key bytes; once either is full, new recipients stay in the workers' own
 * caches only.
 *
 * Publication is lock-free: a writer copies the key bytes into space it reserved with an atomic
 * add, claims a slot by compare-and-swap, and publishes it by storing the slot's reference last;
 * a reader ignores a slot whose reference is not yet published. Every hit is checked against the
 * stored bytes.
 */

const SLOT_FIELDS = 3; // reference (arena offset + 1; 0 empty, -1 being written), hash, length
const MAX_PROBES = 32;

/** The shared memory behind a table, as posted to each worker. */
export interface SharedNoMatchMemory {
  readonly slots: SharedArrayBuffer;
  readonly arena: SharedArrayBuffer;
  readonly cursor: SharedArrayBuffer;
}

/**
 * @example
 * const memory = SharedNoMatchTable.allocate(1 << 17, 16 << 20);
 * const table = new SharedNoMatchTable(memory); // in each worker
 * if (!table.has(hash, bytes, view, start, end)) { ...; table.add(hash, bytes, start, end); }
 */
export class SharedNoMatchTable {
  readonly #slots: Int32Array;
  readonly #arena: Uint8Array;
  readonly #arenaView: DataView;
  readonly #cursor: Int32Array;
  readonly #mask: number;

  constructor(memory: SharedNoMatchMemory) {
    this.#slots = new Int32Array(memory.slots);
    this.#arena = new Uint8Array(memory.arena);
    this.#arenaView = new DataView(memory.arena);
    this.#cursor = new Int32Array(memory.cursor);
    this.#mask = this.#slots.length / SLOT_FIELDS - 1;
  }

  /** `slotCount` must be a power of two. */
  static allocate(slotCount: number, arenaBytes: number): SharedNoMatchMemory {
    return {
      slots: new SharedArrayBuffer(slotCount * SLOT_FIELDS * 4),
      arena: new SharedArrayBuffer(arenaBytes),
      cursor: new SharedArrayBuffer(4),
    };
  }

  /** `view` covers the same memory as `bytes`. */
  has(hash: number, bytes: Uint8Array, view: DataView, start: number, end: number): boolean {
    const slots = this.#slots;
    const length = end - start;
    for (let probe = 0, slot = hash & this.#mask; probe < MAX_PROBES; probe++, slot = (slot + 1) & this.#mask) {
      const reference = Atomics.load(slots, slot * SLOT_FIELDS);
      if (reference === 0) return false;
      if (reference < 0 || slots[slot * SLOT_FIELDS + 1] !== hash || slots[slot * SLOT_FIELDS + 2] !== length) continue;
      if (sameBytes(this.#arena, this.#arenaView, reference - 1, bytes, view, start, length)) return true;
    }
    return false;
  }



  add(hash: number, bytes: Uint8Array, start: number, end: number): void {
    const length = end - start;
    const offset = Atomics.add(this.#cursor, 0, length);
    if (offset + length > this.#arena.length) return; // full: the space stays reserved, unused
    this.#arena.set(bytes.subarray(start, end), offset);
    const slots = this.#slots;
    for (let probe = 0, slot = hash & this.#mask; probe < MAX_PROBES; probe++, slot = (slot + 1) & this.#mask) {
      if (Atomics.compareExchange(slots, slot * SLOT_FIELDS, 0, -1) !== 0) continue;
      slots[slot * SLOT_FIELDS + 1] = hash;
      slots[slot * SLOT_FIELDS + 2] = length;
      Atomics.store(slots, slot * SLOT_FIELDS, offset + 1);
      return;
    }
  }
}
