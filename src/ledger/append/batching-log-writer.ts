import type { LogStorage } from '../sequencer/log-storage.js';
import type { AppendedEntry } from './log-appender.js';
import type { LogEntryInput } from './log-entry-input.js';
import { prepareLogEntry, type PreparedEntry } from './prepare-log-entry.js';

interface Queued {
  readonly prepared: PreparedEntry;
  resolve(entry: AppendedEntry): void;
  reject(error: unknown): void;
}

/**
 * Group commit for entries appended outside a command's own transaction (system events, bulk
 * jobs): appends arriving while a write is in flight wait and go together in the next one, so
 * one transaction and one fsync make a whole batch durable. Each caller's promise resolves only
 * once its entry is durable.
 *
 * @example
 * const writer = new BatchingLogWriter(storage, { onDurable: () => sequencer.schedule() });
 * const { id } = await writer.append({ type: 'procurement.file.screened', actor: 'system', time, subjects: [], data });
 */
export class BatchingLogWriter {
  readonly #storage: LogStorage;
  readonly #maxBatch: number;
  readonly #onDurable: ((ids: readonly number[]) => void) | undefined;
  #queue: Queued[] = [];
  #writing = false;

  constructor(storage: LogStorage, { maxBatch = 10_000, onDurable }: { maxBatch?: number; onDurable?: (ids: readonly number[]) => void } = {}) {
    this.#storage = storage;
    this.#maxBatch = maxBatch;
    this.#onDurable = onDurable;
  }

  append(input: LogEntryInput): Promise<AppendedEntry> {
    const prepared = prepareLogEntry(input);
    return new Promise<AppendedEntry>((resolve, reject) => {
      this.#queue.push({ prepared, resolve, reject });
      if (!this.#writing) {
        this.#writing = true;
        setImmediate(() => void this.#drain());
      }
    });
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.slice(0, this.#maxBatch);
      this.#queue = this.#queue.slice(batch.length);
      try {
        const ids = await this.#storage.appendEntries(batch.map((q) => q.prepared));
        if (ids.length !== batch.length) throw new Error(`the storage stored ${ids.length} entries of a batch of ${batch.length}`);
        batch.forEach((q, i) => {
          const id = ids[i];
          if (id === undefined) throw new Error(`entry ${i} of the batch has no row id`);
          q.resolve({ id });
        });
        this.#onDurable?.(ids);
      } catch (error) {
        for (const q of batch) q.reject(error);
      }
    }
    this.#writing = false;
  }
}
