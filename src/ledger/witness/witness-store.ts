/** What a witness remembers about one log: the latest checkpoint it cosigned. */
export interface WitnessRecord {
  readonly size: bigint;
  readonly rootHash: Uint8Array;
  /** That checkpoint, with the log signatures the witness verified and its own cosignature. */
  readonly checkpoint: string;
}

/**
 * A witness's memory, one record per log origin. The witness serialises requests per origin, so
 * an implementation only needs a durable `write` (persisted before it resolves) and a `read` that
 * never invents a record: losing the record would let a log roll back undetected.
 *
 * @example
 * const store: WitnessStore = new FileWitnessStore('/var/lib/countersign-witness');
 */
export interface WitnessStore {
  read(origin: string): Promise<WitnessRecord | undefined>;
  write(origin: string, record: WitnessRecord): Promise<void>;
}

/**
 * A `WitnessStore` in memory, for tests and throwaway witnesses.
 *
 * @example
 * const app = createWitnessApp({ key, logs, store: new MemoryWitnessStore() });
 */
export class MemoryWitnessStore implements WitnessStore {
  readonly #records = new Map<string, WitnessRecord>();

  async read(origin: string): Promise<WitnessRecord | undefined> {
    return this.#records.get(origin);
  }

  async write(origin: string, record: WitnessRecord): Promise<void> {
    this.#records.set(origin, record);
  }
}
