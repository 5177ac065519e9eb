import { formatCheckpoint } from '../note/checkpoint.js';
import type { NoteSigner } from '../note/note-keys.js';
import { signNote } from '../note/signed-note.js';
import { hashLeaf } from '../merkle/hash.js';
import { proveInclusion } from '../merkle/prove-inclusion.js';
import { createTileHashReader } from '../tiles/tile-hash-reader.js';
import { TileCache } from '../tiles/tile-cache.js';
import { TILE_HEIGHT, TILE_WIDTH } from '../tiles/tile-id.js';
import type { LogStorage, StoredCheckpoint } from './log-storage.js';
import { toReceipt, type Receipt } from './receipt.js';
import { storedTileReader } from './stored-tile-reader.js';
import { SequencerConflict } from './sequencer-conflict.js';
import { TreeState } from './tree-state.js';

export interface SequencerOptions {
  readonly storage: LogStorage;
  /** The log's checkpoint key (Ed25519, c2sp.org/signed-note). */
  readonly signer: NoteSigner;
  /** The checkpoint origin line; by convention the signer's name. */
  readonly origin: string;
  /** Entries integrated per step (one transaction, one fsync, one checkpoint). */
  readonly batchSize?: number;
  readonly now?: () => Date;
  /** Called after each new checkpoint is stored (witness submission listens here). */
  readonly onCheckpoint?: (checkpoint: StoredCheckpoint) => void;
}

interface Waiter {
  resolve(receipt: Receipt): void;
  reject(error: unknown): void;
}

const decoder = new TextEncoder();

/**
 * The log's single writer. It takes entries that commands committed (pending rows), gives them
 * leaf indices in commit order, extends the tree's tiles, signs a checkpoint, and stores all of it
 * in one transaction per batch — one fsync for up to `batchSize` entries. Then it hands each
 * waiting caller its receipt, proved against that very checkpoint.
 *
 * One sequencer per database: run it in the serving process (PostgreSQL deployments elect one by
 * advisory lock). Steps never overlap inside a process.
 *
 * @example
 * const sequencer = await Sequencer.open({ storage, signer, origin: signer.name });
 * store.onCommit(() => sequencer.schedule());
 * const receipt = await sequencer.receipt(entryId, { waitMs: 2000 });
 */
export class Sequencer {
  readonly #options: Required<Omit<SequencerOptions, 'onCheckpoint'>> & Pick<SequencerOptions, 'onCheckpoint'>;
  #state: TreeState;
  #checkpoint: StoredCheckpoint | undefined;
  readonly #cache = new TileCache(4096);
  readonly #waiters = new Map<number, Waiter[]>();
  #running: Promise<number> = Promise.resolve(0);
  #scheduled = false;
  #timer: NodeJS.Timeout | undefined;

  private constructor(options: SequencerOptions, state: TreeState, checkpoint: StoredCheckpoint | undefined) {
    this.#options = { batchSize: 4096, now: () => new Date(), ...options };
    this.#state = state;
    this.#checkpoint = checkpoint;
  }

  /** Restores the tree's right edge from the latest checkpoint and its edge tiles. */
  static async open(options: SequencerOptions): Promise<Sequencer> {
    const { state, checkpoint } = await restoreState(options.storage);
    return new Sequencer(options, state, checkpoint);
  }

  /** The latest signed checkpoint, if any. */
  get checkpoint(): StoredCheckpoint | undefined {
    return this.#checkpoint;
  }

  get size(): bigint {
    return this.#state.size;
  }

  /** Integrates soon; many calls in a burst make one run (group commit for the tree). */
  schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      void this.integrate().catch((error: unknown) => console.error('countersign: log sequencer:', error));
    });
  }

  /** Also integrates every `intervalMs`, for entries other processes commit (a CLI import). */
  startPolling(intervalMs = 1000): void {
    this.stopPolling();
    this.#timer = setInterval(() => this.schedule(), intervalMs);
    this.#timer.unref();
  }

  stopPolling(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** Resolves when no integration is running or scheduled. */
  async idle(): Promise<void> {
    while (this.#scheduled) await new Promise((resolve) => setImmediate(resolve));
    await this.#running;
  }

  /** Integrates every pending entry, batch by batch; returns how many. Runs never overlap. */
  integrate(): Promise<number> {
    const run = this.#running.then(() => this.#integrateAll());
    this.#running = run.catch(() => 0);
    return run;
  }

  async #integrateAll(): Promise<number> {
    let total = 0;
    let conflicts = 0;
    for (;;) {
      let n: number;
      try {
        n = await this.#step();
      } catch (error) {
        // Lost a race with another sequencer: its step stands, ours rolled back. Start again
        // from what it stored (a few times; a persistent conflict is a real problem).
        if (!(error instanceof SequencerConflict) || ++conflicts > 5) throw error;
        const restored = await restoreState(this.#options.storage);
        this.#state = restored.state;
        this.#checkpoint = restored.checkpoint;
        continue;
      }
      total += n;
      if (n < this.#options.batchSize) return total;
    }
  }

  async #step(): Promise<number> {
    const { storage, signer, origin, batchSize, now } = this.#options;
    const pending = await storage.pendingEntries(batchSize);
    if (pending.length === 0) return 0;
    // Another sequencer (a second process, `countersign log sequence`) may have moved the tree on:
    // start from what is stored. Should both take the same entries, the storage refuses the second.
    const latest = await storage.latestCheckpoint();
    if ((latest?.size ?? 0n) !== this.#state.size) {
      const restored = await restoreState(storage);
      this.#state = restored.state;
      this.#checkpoint = restored.checkpoint;
    }
    const start = this.#state.size;
    const bytes = pending.map((p) => decoder.encode(p.entry));
    // Work on a copy of the edge so a failed transaction leaves the in-memory tree unchanged.
    const state = this.#state.clone();
    const { leafHashes, tiles } = state.append(bytes);
    const size = state.size;
    const rootHash = state.root();
    const note = signNote(formatCheckpoint({ origin, size, rootHash }), [signer]);
    const checkpoint: StoredCheckpoint = { size, rootHash, note, createdAt: now().toISOString() };
    await storage.integrate({ assignments: pending.map((p, i) => ({ id: p.id, leafIndex: start + BigInt(i) })), tiles, checkpoint });
    this.#state = state;
    this.#checkpoint = checkpoint;
    this.#options.onCheckpoint?.(checkpoint);
    await this.#resolveWaiters(pending.map((p, i) => ({ id: p.id, entry: p.entry, index: start + BigInt(i), leafHash: leafHashAt(leafHashes, i) })), checkpoint);
    return pending.length;
  }

  async #resolveWaiters(batch: { id: number; entry: string; index: bigint; leafHash: Uint8Array }[], checkpoint: StoredCheckpoint): Promise<void> {
    if (this.#waiters.size === 0) return;
    const reader = createTileHashReader(storedTileReader(this.#options.storage), checkpoint.size, { cache: this.#cache });
    for (const item of batch) {
      const waiters = this.#waiters.get(item.id);
      if (!waiters) continue;
      this.#waiters.delete(item.id);
      try {
        const proof = await proveInclusion(reader, item.index, checkpoint.size);
        const receipt = toReceipt(item.id, item.index, item.entry, item.leafHash, proof, checkpoint.note);
        for (const w of waiters) w.resolve(receipt);
      } catch (error) {
        for (const w of waiters) w.reject(error);
      }
    }
  }

  /**
   * The receipt of an entry: if it is already sequenced, proved against the latest checkpoint;
   * otherwise once the sequencer integrates it, proved against the checkpoint of that step.
   * Rejects after `waitMs` if it is still pending.
   */
  async receipt(entryId: number, { waitMs = 5000 }: { waitMs?: number } = {}): Promise<Receipt> {
    const stored = await this.#options.storage.entryById(entryId);
    if (!stored) throw new Error(`no log entry ${entryId}`);
    const checkpoint = this.#checkpoint;
    if (stored.leafIndex !== null && checkpoint && stored.leafIndex < checkpoint.size) {
      const reader = createTileHashReader(storedTileReader(this.#options.storage), checkpoint.size, { cache: this.#cache });
      const proof = await proveInclusion(reader, stored.leafIndex, checkpoint.size);
      return toReceipt(entryId, stored.leafIndex, stored.entry, hashLeaf(decoder.encode(stored.entry)), proof, checkpoint.note);
    }
    return new Promise<Receipt>((resolve, reject) => {
      const timer = setTimeout(() => {
        const list = this.#waiters.get(entryId)?.filter((w) => w.resolve !== done);
        if (list && list.length > 0) this.#waiters.set(entryId, list);
        else this.#waiters.delete(entryId);
        reject(new Error(`log entry ${entryId} was not sequenced within ${waitMs} ms`));
      }, waitMs);
      const done = (receipt: Receipt): void => {
        clearTimeout(timer);
        resolve(receipt);
      };
      this.#waiters.set(entryId, [...(this.#waiters.get(entryId) ?? []), { resolve: done, reject: (e) => { clearTimeout(timer); reject(e); } }]);
      this.schedule();
    });
  }
}

/** The tree's right edge as stored: the latest checkpoint and the edge tiles at its size. */
async function restoreState(storage: LogStorage): Promise<{ state: TreeState; checkpoint: StoredCheckpoint | undefined }> {
  const checkpoint = await storage.latestCheckpoint();
  const size = checkpoint?.size ?? 0n;
  const edges = new Map<number, Uint8Array[]>();
  for (let level = 0; size >> BigInt(TILE_HEIGHT * level) > 0n; level++) {
    const count = Number((size >> BigInt(TILE_HEIGHT * level)) % BigInt(TILE_WIDTH));
    const stored = count === 0 ? undefined : await storage.readTile(level, size >> BigInt(TILE_HEIGHT * level + TILE_HEIGHT));
    const hashes: Uint8Array[] = [];
    for (let i = 0; i < count; i++) {
      if (!stored || stored.length < (i + 1) * 32) throw new Error(`edge tile at level ${level} is missing hashes: the log's storage is damaged (run countersign log check)`);
      hashes.push(stored.slice(i * 32, (i + 1) * 32));
    }
    edges.set(level, hashes);
  }
  const state = TreeState.restore(size, (level) => edges.get(level) ?? []);
  if (checkpoint && Buffer.compare(Buffer.from(state.root()), Buffer.from(checkpoint.rootHash)) !== 0) {
    throw new Error(`the stored tiles do not give the root of the latest checkpoint (size ${size}): run countersign log check`);
  }
  return { state, checkpoint };
}

/** The leaf hash the tree computed for the i-th entry of a batch; a missing one is a broken invariant, never an empty hash. */
function leafHashAt(leafHashes: readonly Uint8Array[], i: number): Uint8Array {
  const hash = leafHashes[i];
  if (hash === undefined) throw new Error(`the tree returned ${leafHashes.length} leaf hashes for a batch that needs entry ${i}`);
  return hash;
}
