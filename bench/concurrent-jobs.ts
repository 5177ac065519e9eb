/** Peak resident memory of this process, sampled while jobs run. */
export class PeakRss {
  #peak = 0;

  sample(): void {
    this.#peak = Math.max(this.#peak, process.memoryUsage().rss);
  }

  get megabytes(): number {
    this.sample();
    return this.#peak / 1024 / 1024;
  }
}

/**
 * Runs `count` jobs with `callers` concurrent callers; returns each job's latency (ms, sorted) and
 * the wall time. `onJob` runs every 1,000th job (a memory sample).
 *
 * @example
 * const run = await concurrently(10_000, 256, (i) => store.transaction((tx) => step(ids[i], tx)), () => rss.sample());
 */
export async function concurrently(count: number, callers: number, job: (i: number) => Promise<unknown>, onJob?: () => void): Promise<{ seconds: number; latencies: number[] }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(callers, count) }, async () => {
    for (let i = next++; i < count; i = next++) {
      const t = performance.now();
      await job(i);
      latencies.push(performance.now() - t);
      if (i % 1000 === 0) onJob?.();
    }
  }));
  return { seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b) };
}

/** The p-th percentile of sorted latencies (NaN when there are none). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
