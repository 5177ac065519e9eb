import { BatchingLogWriter } from '../../src/ledger/append/batching-log-writer.js';
import type { Ledger } from '../../src/ledger/sequencer/ledger.js';
import { percentile } from './percentile.js';

export interface AppendFigures {
  readonly entries: number;
  readonly seconds: number;
  readonly appendsPerSecond: number;
  readonly durableP50: number;
  readonly durableP99: number;
  readonly receiptP50: number;
  readonly receiptP99: number;
  readonly receiptsSampled: number;
  readonly peakRssMb: number;
}

/**
 * `producers` concurrent callers append `total` entries through the group-commit writer; each
 * awaits durability (its batch committed, fsync'd). The sequencer integrates as batches land; for
 * a sample of entries the time from append() to a verified-ready receipt is recorded.
 */
export async function measureAppends(ledger: Ledger, { total, producers, sampleEvery }: { total: number; producers: number; sampleEvery: number }): Promise<AppendFigures> {
  const writer = new BatchingLogWriter(ledger.storage, { onDurable: () => ledger.sequencer.schedule() });
  const durable: number[] = [];
  const receipts: Promise<number>[] = [];
  let next = 0;
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const producer = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= total) return;
      const t0 = performance.now();
      const { id } = await writer.append({
        type: 'bench.record.upserted',
        actor: `a_${(i % 97).toString(16).padStart(16, '0')}`,
        time: new Date().toISOString(),
        subjects: [`organization:bench-${i % 5000}`],
        data: { recordType: 'organization', record: { id: `bench-${i % 5000}`, name: `Bench Vendor ${i} Ltd.`, kind: 'vendor', country: 'IL', sources: ['bench-source'], status: 'reported' }, change: `c-${i}` },
      });
      durable.push(performance.now() - t0);
      if (i % sampleEvery === 0) receipts.push(ledger.sequencer.receipt(id, { waitMs: 60_000 }).then(() => performance.now() - t0));
    }
  };
  await Promise.all(Array.from({ length: producers }, producer));
  const seconds = (performance.now() - started) / 1000;
  const receiptTimes = await Promise.all(receipts);
  await ledger.sequencer.idle();
  clearInterval(sampler);
  return {
    entries: total,
    seconds,
    appendsPerSecond: total / seconds,
    durableP50: percentile(durable, 50),
    durableP99: percentile(durable, 99),
    receiptP50: percentile(receiptTimes, 50),
    receiptP99: percentile(receiptTimes, 99),
    receiptsSampled: receiptTimes.length,
    peakRssMb: Math.max(peakRss, process.memoryUsage().rss) / 2 ** 20,
  };
}
