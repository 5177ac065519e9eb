import { windowStart, type RateLimitCount, type RateLimiter, type RateLimitRule } from './rate-limiter.js';

/**
 * Where counts are shared between processes (`DatabaseRateLimiter`): adds `count` hits to a
 * client's window at once and returns the shared total including them.
 */
export interface SharedRateCounter {
  add(rule: RateLimitRule, clientKey: string, now: number, count: number): Promise<RateLimitCount>;
  peek(rule: RateLimitRule, clientKey: string, now: number): Promise<RateLimitCount>;
}

/** The most hits one process holds back before it adds them to the shared count. */
export const MAX_BATCH = 64;
/** Every this many hits, slots whose window has ended are dropped, so the map stays small. */
const SWEEP_EVERY = 1000;

/**
 * How many hits a process may count locally before settling with the shared count: a twentieth
 * of the limit, at least 1 (so small limits — sign-ins, tips, exports — are counted exactly, every
 * hit settling) and at most `MAX_BATCH`.
 */
export function batchSize(rule: RateLimitRule): number {
  return Math.max(1, Math.min(MAX_BATCH, Math.floor(rule.limit / 20)));
}

interface Slot {
  readonly start: number;
  readonly windowEndsAt: number;
  /** The shared total as of the last settle (every process's settled hits). */
  shared: number;
  /** Whether a settle has told this process the shared total yet. */
  known: boolean;
  /** Hits counted here and not yet sent to the shared total. */
  pending: number;
  /** Hits sent to the shared total whose add has not answered yet. */
  sending: number;
  /** The settle under way (settles of one slot run one after another). */
  settling: Promise<void>;
}

/** A client's count as this process knows it: the last shared total, plus its hits not in it yet. */
function estimate(slot: Slot): number {
  return slot.shared + slot.sending + slot.pending;
}

/**
 * A rate limiter that keeps limits shared across processes (`SharedRateCounter`, the database)
 * without a write per request: each process counts a client's hits locally and adds them to the
 * shared count in batches (`batchSize`), in the background.
 *
 * What it guarantees:
 * - a limit too small to batch (`batchSize` 1: sign-ins, tips, exports) is counted exactly, every
 *   hit settling with the shared count before it is answered;
 * - a client's first hit in a window, every hit within a batch of the limit, and every hit past
 *   it settle with the shared count before they are answered — so a client over its limit in
 *   another process is refused here at once, and a refusal is always the shared count's;
 * - far from the limit, a hit is answered from the local estimate (the last shared total plus
 *   this process's hits not yet in it), which another process's hits since the last settle may
 *   have overtaken: each process lets through at most about two batches beyond the limit in a
 *   window before its next settle shows it the total;
 * - with one process the count is exact. A process that stops forgets fewer than `batchSize`
 *   hits per client. A settle that fails puts its hits back to be added with the next one.
 *
 * @example
 * const limiter = new BatchingRateLimiter(new DatabaseRateLimiter(store.db, store.sqlite));
 * if ((await limiter.hit(rule, 'address:203.0.113.9', Date.now())).hits > rule.limit) // refuse with 429
 */
export class BatchingRateLimiter implements RateLimiter {
  readonly #shared: SharedRateCounter;
  readonly #slots = new Map<string, Slot>();
  #sinceSweep = 0;

  constructor(shared: SharedRateCounter) {
    this.#shared = shared;
  }

  async hit(rule: RateLimitRule, clientKey: string, now: number): Promise<RateLimitCount> {
    this.#sweep(now);
    const start = windowStart(rule, now);
    const key = `${rule.bucket}\u0000${clientKey}`;
    let slot = this.#slots.get(key);
    if (slot === undefined || slot.start !== start) {
      slot = { start, windowEndsAt: start + rule.windowMs, shared: 0, known: false, pending: 0, sending: 0, settling: Promise.resolve() };
      this.#slots.set(key, slot);
    }
    slot.pending += 1;
    const batch = batchSize(rule);
    // A limit too small to batch is counted in the shared store on every hit, as if unbatched:
    // a local answer would rest on a total that other processes may have moved since.
    if (batch === 1 || !slot.known || estimate(slot) > rule.limit - batch) {
      await this.#settle(slot, rule, clientKey, now);
      return { hits: estimate(slot), windowEndsAt: slot.windowEndsAt };
    }
    const hits = estimate(slot);
    if (slot.pending >= batch) {
      // Settled in the background: the answer does not depend on it.
      this.#settle(slot, rule, clientKey, now).catch((error: unknown) => {
        console.error(`rate limit: could not add counts to the shared total (kept to add with the next): ${error instanceof Error ? error.message : String(error)}`);
      });
    }
    return { hits, windowEndsAt: slot.windowEndsAt };
  }

  async peek(rule: RateLimitRule, clientKey: string, now: number): Promise<RateLimitCount> {
    const shared = await this.#shared.peek(rule, clientKey, now);
    const slot = this.#slots.get(`${rule.bucket}\u0000${clientKey}`);
    const unsent = slot !== undefined && slot.start === windowStart(rule, now) ? slot.pending + slot.sending : 0;
    return { hits: shared.hits + unsent, windowEndsAt: shared.windowEndsAt };
  }

  /**
   * Adds the slot's pending hits to the shared count, after any settle already under way (so each
   * total includes the ones before it). The hits are taken at once, not when the add runs.
   */
  #settle(slot: Slot, rule: RateLimitRule, clientKey: string, now: number): Promise<void> {
    const count = slot.pending;
    slot.pending = 0;
    slot.sending += count;
    const run = slot.settling.catch(() => undefined).then(async () => {
      try {
        // Nothing to add (an earlier settle took these hits): waiting for it was the point.
        if (count === 0) return;
        const total = await this.#shared.add(rule, clientKey, now, count);
        slot.shared = Math.max(slot.shared, total.hits);
        slot.known = true;
      } catch (error) {
        slot.pending += count;
        throw error;
      } finally {
        slot.sending -= count;
      }
    });
    slot.settling = run;
    return run;
  }

  #sweep(now: number): void {
    this.#sinceSweep += 1;
    if (this.#sinceSweep < SWEEP_EVERY) return;
    this.#sinceSweep = 0;
    for (const [key, slot] of this.#slots) if (slot.windowEndsAt <= now) this.#slots.delete(key);
  }
}
