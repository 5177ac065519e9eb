import { describe, expect, it } from 'vitest';
import { BatchingRateLimiter, batchSize, type SharedRateCounter } from './batching-rate-limiter.js';
import { windowStart, type RateLimitCount, type RateLimitRule } from './rate-limiter.js';

/** A shared count in memory, as the database keeps it, recording each add it receives. */
class MemoryCounter implements SharedRateCounter {
  readonly adds: number[] = [];
  readonly #counts = new Map<string, { start: number; hits: number }>();
  failNext = false;

  async add(rule: RateLimitRule, clientKey: string, now: number, count: number): Promise<RateLimitCount> {
    await Promise.resolve();
    if (this.failNext) {
      this.failNext = false;
      throw new Error('database unavailable');
    }
    this.adds.push(count);
    const start = windowStart(rule, now);
    const key = `${rule.bucket}/${clientKey}`;
    const row = this.#counts.get(key);
    const hits = row && row.start === start ? row.hits + count : count;
    this.#counts.set(key, { start, hits });
    return { hits, windowEndsAt: start + rule.windowMs };
  }

  async peek(rule: RateLimitRule, clientKey: string, now: number): Promise<RateLimitCount> {
    const start = windowStart(rule, now);
    const row = this.#counts.get(`${rule.bucket}/${clientKey}`);
    return { hits: row && row.start === start ? row.hits : 0, windowEndsAt: start + rule.windowMs };
  }
}

const T = 1_700_000_000_000;
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('BatchingRateLimiter', () => {
  it('sizes batches at a twentieth of the limit, from 1 (small limits count exactly) to 64', () => {
    expect(batchSize({ bucket: 'b', limit: 20, windowMs: 1 })).toBe(1);
    expect(batchSize({ bucket: 'b', limit: 3, windowMs: 1 })).toBe(1);
    expect(batchSize({ bucket: 'b', limit: 120, windowMs: 1 })).toBe(6);
    expect(batchSize({ bucket: 'b', limit: 1_000_000, windowMs: 1 })).toBe(64);
  });

  it('settles every hit of a small limit, so refusals are exact', async () => {
    const shared = new MemoryCounter();
    const limiter = new BatchingRateLimiter(shared);
    const rule = { bucket: 'tips', limit: 20, windowMs: 60_000 };
    const counts = [];
    for (let i = 0; i < 21; i += 1) counts.push((await limiter.hit(rule, 'a', T + i)).hits);
    expect(counts).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(shared.adds).toEqual(Array.from({ length: 21 }, () => 1));
  });

  it('counts a small limit in the shared store on every hit, so a total another process moved is seen at once', async () => {
    const shared = new MemoryCounter();
    const rule = { bucket: 'tips', limit: 20, windowMs: 60_000 };
    const first = new BatchingRateLimiter(shared);
    const second = new BatchingRateLimiter(shared);
    expect((await first.hit(rule, 'a', T)).hits).toBe(1);
    for (let i = 0; i < 19; i += 1) await second.hit(rule, 'a', T + 1 + i);
    // The first process last saw a total of 1; the shared total is 20 and this hit its 21st.
    expect((await first.hit(rule, 'a', T + 30)).hits).toBe(21);
  });

  it('far from a large limit, adds hits to the shared count in batches without losing any', async () => {
    const shared = new MemoryCounter();
    const limiter = new BatchingRateLimiter(shared);
    const rule = { bucket: 'search', limit: 100_000, windowMs: 60_000 };
    const counts = [];
    for (let i = 0; i < 200; i += 1) counts.push((await limiter.hit(rule, 'a', T + i)).hits);
    await settled();
    expect(counts).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    // The first hit learns the shared count; then one add per 64 hits.
    expect(shared.adds).toEqual([1, 64, 64, 64]);
    expect((await shared.peek(rule, 'a', T + 300)).hits).toBe(193);
    expect((await limiter.peek(rule, 'a', T + 300)).hits).toBe(200);
  });

  it('refuses at once a client already over its limit in another process (the first hit settles)', async () => {
    const shared = new MemoryCounter();
    const rule = { bucket: 'search', limit: 120, windowMs: 60_000 };
    const first = new BatchingRateLimiter(shared);
    for (let i = 0; i < 120; i += 1) await first.hit(rule, 'a', T);
    await settled();
    const second = new BatchingRateLimiter(shared);
    expect((await second.hit(rule, 'a', T + 1)).hits).toBeGreaterThan(rule.limit);
  });

  it('settles every hit near the limit, so two processes admit at most a batch beyond it', async () => {
    const shared = new MemoryCounter();
    const rule = { bucket: 'search', limit: 120, windowMs: 60_000 };
    const processes = [new BatchingRateLimiter(shared), new BatchingRateLimiter(shared)];
    let admitted = 0;
    for (let i = 0; i < 400; i += 1) {
      const limiter = processes[i % 2] as BatchingRateLimiter;
      if ((await limiter.hit(rule, 'a', T + i)).hits <= rule.limit) admitted += 1;
    }
    expect(admitted).toBeGreaterThanOrEqual(rule.limit);
    expect(admitted).toBeLessThan(rule.limit + batchSize(rule));
  });

  it('starts again in the next window', async () => {
    const limiter = new BatchingRateLimiter(new MemoryCounter());
    const rule = { bucket: 'b', limit: 2, windowMs: 1000 };
    await limiter.hit(rule, 'a', T);
    await limiter.hit(rule, 'a', T + 1);
    expect((await limiter.hit(rule, 'a', T + 2)).hits).toBe(3);
    expect(await limiter.hit(rule, 'a', T + 1000)).toEqual({ hits: 1, windowEndsAt: T + 2000 });
  });

  it('keeps the hits of a failed background settle and adds them with the next', async () => {
    const shared = new MemoryCounter();
    const limiter = new BatchingRateLimiter(shared);
    const rule = { bucket: 'search', limit: 100_000, windowMs: 60_000 };
    await limiter.hit(rule, 'a', T);
    shared.failNext = true;
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      for (let i = 1; i < 129; i += 1) await limiter.hit(rule, 'a', T + i);
      await settled();
    } finally {
      console.error = original;
    }
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toMatch(/could not add counts/);
    // The failed batch went again with later hits, in one larger add; none was lost.
    expect(Math.max(...shared.adds)).toBeGreaterThan(64);
    expect((await limiter.peek(rule, 'a', T + 200)).hits).toBe(129);
  });
});
