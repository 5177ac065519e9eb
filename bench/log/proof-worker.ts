import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../../src/app/open-store.js';
import { openLogStorage } from '../../src/store/ledger/open-log-storage.js';
import { measureProofs } from './measure-proofs.js';

/** One proof-measuring thread with its own SQLite connection and tile cache. */
const { url, treeSize, seconds, cacheTiles } = workerData as { url: string; treeSize: string; seconds: number; cacheTiles: number };
const store = await openStore(url);
const figures = await measureProofs(openLogStorage(store), BigInt(treeSize), { seconds, cacheTiles });
await store.close();
parentPort?.postMessage({ ...figures, treeSize: figures.treeSize.toString() });
