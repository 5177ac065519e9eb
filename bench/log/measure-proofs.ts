import { readFileSync } from 'node:fs';
import { proveInclusion } from '../../src/ledger/merkle/prove-inclusion.js';
import type { LogStorage } from '../../src/ledger/sequencer/log-storage.js';
import { storedTileReader } from '../../src/ledger/sequencer/stored-tile-reader.js';
import { TileCache } from '../../src/ledger/tiles/tile-cache.js';
import { createTileHashReader } from '../../src/ledger/tiles/tile-hash-reader.js';
import { percentile } from './percentile.js';

export interface ProofFigures {
  readonly treeSize: bigint;
  readonly proofs: number;
  readonly proofsPerSecond: number;
  readonly p50Micros: number;
  readonly p99Micros: number;
  readonly cacheTiles: number;
  readonly rssMb: number;
  /** Private (anonymous) resident memory: what the process itself holds. */
  readonly privateMb: number;
  /** File-backed resident pages: the memory-mapped database, clean and evictable page cache. */
  readonly mappedMb: number;
  readonly heapMb: number;
}

/** RssAnon and RssFile from /proc (Linux), in MiB. */
export function residentMemory(): { privateMb: number; mappedMb: number } {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { privateMb: kb('RssAnon') / 1024, mappedMb: kb('RssFile') / 1024 };
  } catch {
    return { privateMb: Number.NaN, mappedMb: Number.NaN };
  }
}

/** Inclusion proofs for uniformly random leaves, from stored tiles through a bounded cache. */
export async function measureProofs(storage: LogStorage, treeSize: bigint, { seconds, cacheTiles }: { seconds: number; cacheTiles: number }): Promise<ProofFigures> {
  const cache = new TileCache(cacheTiles);
  const reader = createTileHashReader(storedTileReader(storage), treeSize, { cache });
  let seed = 0x2545f491;
  const random = (): number => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  const times: number[] = [];
  const started = performance.now();
  let proofs = 0;
  while (performance.now() - started < seconds * 1000) {
    const index = BigInt(Math.floor(random() * Number(treeSize)));
    const t0 = performance.now();
    await proveInclusion(reader, index, treeSize);
    if (proofs % 16 === 0) times.push((performance.now() - t0) * 1000);
    proofs += 1;
  }
  const elapsed = (performance.now() - started) / 1000;
  const memory = process.memoryUsage();
  return {
    treeSize, proofs, proofsPerSecond: proofs / elapsed, p50Micros: percentile(times, 50), p99Micros: percentile(times, 99), cacheTiles,
    rssMb: memory.rss / 2 ** 20, heapMb: memory.heapUsed / 2 ** 20, ...residentMemory(),
  };
}
