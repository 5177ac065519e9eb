import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openLedger } from '../src/app/open-ledger.js';
import { projectRoot } from '../src/core/project-root.js';
import { generateSignerKey, parseSignerKey } from '../src/ledger/note/signer-key.js';
import { openLogStorage } from '../src/store/ledger/open-log-storage.js';
import { openStore } from '../src/app/open-store.js';
import { buildTileTree } from './log/build-tile-tree.js';
import { measureAppends } from './log/measure-appends.js';
import type { ProofFigures } from './log/measure-proofs.js';

/**
 * bench:log — the transparency log on SQLite (WAL, synchronous=FULL: every commit is fsync'd):
 * durable appends/s through group commit, append→durable and append→receipt latency, inclusion
 * proofs/s at 1M and 10M entries (one thread and two), and memory. Prints the anchors
 * and targets beside each figure.
 */
const { values } = parseArgs({
  options: {
    appends: { type: 'string', default: '300000' },
    producers: { type: 'string', default: '512' },
    sizes: { type: 'string', default: '1000000,10000000' },
    seconds: { type: 'string', default: '5' },
    cache: { type: 'string', default: '2048' },
  },
});
const dir = join(projectRoot(), '.bench', 'log');
mkdirSync(dir, { recursive: true });
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? 'meets target' : 'BELOW TARGET');

console.log('bench:log — Countersign transparency log on SQLite (WAL, synchronous=FULL)');
console.log(`machine: ${(await import('node:os')).cpus().length} cores, Node ${process.version}\n`);

// 1. Durable appends with batching, and append→receipt latency.
const appendsFile = join(dir, 'appends.db');
for (const suffix of ['', '-wal', '-shm']) rmSync(appendsFile + suffix, { force: true });
{
  const store = await openStore(`sqlite:${appendsFile}`);
  const { signerKey, verifierKey } = generateSignerKey('bench.countersign/log');
  const ledger = await openLedger({ store, signer: parseSignerKey(signerKey), verifierKey, pollMs: 0, batchSize: 8192 });
  const total = Number(values.appends);
  const a = await measureAppends(ledger, { total, producers: Number(values.producers), sampleEvery: 100 });
  console.log(`Appends: ${fmt(a.entries)} entries by ${values.producers} concurrent callers, each awaiting durability`);
  console.log(`  durable appends/s     ${fmt(a.appendsPerSecond).padStart(10)}   target ≥ 20,000 — ${verdict(a.appendsPerSecond >= 20_000)}`);
  console.log('                                     anchors: Tessera (NVMe, ≤7 cores) ~10,000/s · Sunlight ≤3,750/s · Trillian on MySQL 400–500/s');
  console.log(`  append→durable        p50 ${fmt(a.durableP50, 1)} ms · p99 ${fmt(a.durableP99, 1)} ms`);
  console.log(`  append→receipt        p50 ${fmt(a.receiptP50, 1)} ms · p99 ${fmt(a.receiptP99, 1)} ms (${a.receiptsSampled} sampled)   target p99 ≤ 500 ms — ${verdict(a.receiptP99 <= 500)}`);
  console.log(`  tree size after       ${fmt(Number(ledger.sequencer.size))} (every entry sequenced and checkpointed)`);
  console.log(`  peak RSS              ${fmt(a.peakRssMb)} MB\n`);
  await ledger.close();
  await store.close();
}

// 2. Inclusion proofs at each size, from stored tiles through a bounded tile cache, each size in
// a process of its own so the memory reported is that size's alone.
const cacheTiles = Number(values.cache);
const seconds = Number(values.seconds);
const results: { single: ProofFigures; dual: { proofsPerSecond: number } }[] = [];
for (const size of values.sizes.split(',').map(Number)) {
  const file = join(dir, `tree-${size}.db`);
  const url = `sqlite:${file}`;
  let store = await openStore(url);
  const existing = await openLogStorage(store).latestCheckpoint();
  if (existing?.size !== BigInt(size)) {
    await store.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    store = await openStore(url);
    const { signerKey } = generateSignerKey('bench.countersign/log');
    const started = performance.now();
    await buildTileTree(openLogStorage(store), parseSignerKey(signerKey), size, (done) => process.stderr.write(`\r  building a ${fmt(size)}-entry tree: ${fmt(done)}`));
    process.stderr.write(`\r  built a ${fmt(size)}-entry tree's tiles in ${fmt((performance.now() - started) / 1000, 1)} s${' '.repeat(20)}\n`);
  }
  await store.close();
  const output = execFileSync(process.execPath, [fileURLToPath(new URL('./log/proof-process.js', import.meta.url)), url, String(size), String(seconds), String(cacheTiles)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const figures: ProofFigures & { dualProofsPerSecond: number } = JSON.parse(output);
  results.push({ single: { ...figures, treeSize: BigInt(size) }, dual: { proofsPerSecond: figures.dualProofsPerSecond } });
}
console.log(`Inclusion proofs (random leaves; tiles from SQLite; LRU cache of ${fmt(cacheTiles)} tiles ≈ ${fmt((cacheTiles * 16) / 1024)} MiB)`);
for (const { single, dual } of results) {
  console.log(`  ${fmt(Number(single.treeSize)).padStart(10)} entries: ${fmt(single.proofsPerSecond).padStart(7)} proofs/s on 1 thread (p50 ${fmt(single.p50Micros)} µs, p99 ${fmt(single.p99Micros)} µs), ${fmt(dual.proofsPerSecond).padStart(7)} on 2 threads — target ≥ 20,000 — ${verdict(single.proofsPerSecond >= 20_000 || dual.proofsPerSecond >= 20_000)}`);
  console.log(`  ${' '.repeat(19)}memory after: private ${fmt(single.privateMb)} MB (heap ${fmt(single.heapMb)} MB) + ${fmt(single.mappedMb)} MB of the database file mapped (clean page cache) = RSS ${fmt(single.rssMb)} MB`);
}
const [small, large] = results;
if (small && large) {
  console.log(`  memory independent of log size: private ${fmt(small.single.privateMb)} MB at ${fmt(Number(small.single.treeSize))} vs ${fmt(large.single.privateMb)} MB at ${fmt(Number(large.single.treeSize))} entries (bounded by the tile cache, not the log)`);
}
if (!existsSync(appendsFile)) process.exitCode = 1;
