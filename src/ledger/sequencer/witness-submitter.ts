import type { FetchLike } from '../fetch-like.js';
import { proveConsistency } from '../merkle/prove-consistency.js';
import { parseVerifierKey } from '../note/verifier-key.js';
import { createTileHashReader } from '../tiles/tile-hash-reader.js';
import { TileCache } from '../tiles/tile-cache.js';
import { submitToWitness } from '../witness/submit-to-witness.js';
import { WitnessError } from '../witness/witness-error.js';
import type { LogStorage, StoredCheckpoint } from './log-storage.js';
import { storedTileReader } from './stored-tile-reader.js';

/** A witness the log reports to: where it listens and its cosigning key (type 0x04). */
export interface WitnessConfig {
  readonly url: string;
  readonly verifierKey: string;
}

/**
 * Sends each new checkpoint, with a consistency proof from the size the witness last cosigned,
 * to every configured witness (c2sp.org/tlog-witness), and stores the cosignatures so
 * `/log/checkpoint` serves them. Submissions run in the background and coalesce: while one is in
 * flight only the newest checkpoint waits, since cosigning it vouches for everything before.
 *
 * @example
 * const submitter = new WitnessSubmitter({ storage, witnesses });
 * const sequencer = await Sequencer.open({ …, onCheckpoint: (cp) => submitter.submit(cp) });
 */
export class WitnessSubmitter {
  readonly #storage: LogStorage;
  readonly #witnesses: readonly (WitnessConfig & { name: string })[];
  readonly #fetch: FetchLike;
  readonly #cache = new TileCache(256);
  readonly #known = new Map<string, bigint>();
  #inFlight: Promise<void> | undefined;
  #next: StoredCheckpoint | undefined;

  constructor({ storage, witnesses, fetchImpl = fetch }: { storage: LogStorage; witnesses: readonly WitnessConfig[]; fetchImpl?: FetchLike }) {
    this.#storage = storage;
    this.#witnesses = witnesses.map((w) => ({ ...w, name: parseVerifierKey(w.verifierKey).name }));
    this.#fetch = fetchImpl;
  }

  /** Queues a checkpoint for the witnesses; returns a promise settled when it (or a newer one) was sent. */
  submit(checkpoint: StoredCheckpoint): Promise<void> {
    if (this.#witnesses.length === 0) return Promise.resolve();
    this.#next = checkpoint;
    this.#inFlight ??= this.#drain().finally(() => {
      this.#inFlight = undefined;
    });
    return this.#inFlight;
  }

  async #drain(): Promise<void> {
    while (this.#next) {
      const checkpoint = this.#next;
      this.#next = undefined;
      await Promise.all(this.#witnesses.map((w) => this.#send(w, checkpoint)));
    }
  }

  async #send(witness: WitnessConfig & { name: string }, checkpoint: StoredCheckpoint): Promise<void> {
    let oldSize = this.#known.get(witness.url) ?? 0n;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const reader = createTileHashReader(storedTileReader(this.#storage), checkpoint.size, { cache: this.#cache });
        const proof = oldSize === 0n || oldSize === checkpoint.size ? [] : await proveConsistency(reader, oldSize, checkpoint.size);
        const lines = await submitToWitness(witness.url, { oldSize, proof, checkpointNote: checkpoint.note }, this.#fetch, { witnessKey: witness.verifierKey });
        for (const line of lines) await this.#storage.addCosignature(checkpoint.size, witness.name, `${line}\n`, new Date().toISOString());
        this.#known.set(witness.url, checkpoint.size);
        return;
      } catch (error) {
        // 409: the witness knows a different size; prove from that one (tlog-witness "old size").
        if (error instanceof WitnessError && error.code === 'CONFLICT' && error.knownSize !== undefined && error.knownSize <= checkpoint.size) {
          oldSize = error.knownSize;
          continue;
        }
        console.error(`countersign: witness ${witness.url} refused checkpoint ${checkpoint.size}: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
    }
  }
}
