import { Worker } from 'node:worker_threads';
import { openStore } from '../../src/app/open-store.js';
import { openLogStorage } from '../../src/store/ledger/open-log-storage.js';
import { measureProofs, residentMemory } from './measure-proofs.js';

/**
 * One tree size's proof measurement in a process of its own, so its memory is its own: a warm-up,
 * one thread, then two worker threads (each with its own connection and tile cache). Prints JSON.
 *
 * Usage: node dist/bench/log/proof-process.js URL TREE_SIZE SECONDS CACHE_TILES
 */
const [url = '', size = '0', secondsText = '5', cacheText = '2048'] = process.argv.slice(2);
const treeSize = BigInt(size);
const seconds = Number(secondsText);
const cacheTiles = Number(cacheText);
const store = await openStore(url);
const storage = openLogStorage(store);
await measureProofs(storage, treeSize, { seconds: 0.5, cacheTiles });
const single = await measureProofs(storage, treeSize, { seconds, cacheTiles });
await store.close();
const dual = await Promise.all(
  [0, 1].map(
    () =>
      new Promise<{ proofsPerSecond: number }>((resolve, reject) => {
        const worker = new Worker(new URL('./proof-worker.js', import.meta.url), { workerData: { url, treeSize: size, seconds, cacheTiles } });
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
  ),
);
process.stdout.write(`${JSON.stringify({ ...single, treeSize: size, dualProofsPerSecond: dual.reduce((s, w) => s + w.proofsPerSecond, 0), afterDual: residentMemory() })}\n`);
