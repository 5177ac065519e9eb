import type { AppendedEntry, LogAppender } from '../../ledger/append/log-appender.js';
import type { LogEntryInput } from '../../ledger/append/log-entry-input.js';
import type { EventLog } from './event-log.js';
import type { EventRuntime } from './event-runtime.js';

/** How deep subscribers may cascade (an event whose subscriber appends an event whose …). */
const MAX_DEPTH = 8;

/**
 * The appender every transaction writes through: it refuses entries the catalogue does not
 * declare, appends, and runs the subscribers of the entry's type in the same transaction — so a
 * subscriber's writes commit or roll back with the event that caused them.
 *
 * @example
 * const log = new CheckedLogAppender(rawAppender, runtime, () => tx);
 */
export class CheckedLogAppender<Tx> implements EventLog {
  readonly #inner: LogAppender;
  readonly #runtime: EventRuntime<Tx>;
  readonly #tx: () => Tx;
  #depth = 0;

  constructor(inner: LogAppender, runtime: EventRuntime<Tx>, tx: () => Tx) {
    this.#inner = inner;
    this.#runtime = runtime;
    this.#tx = tx;
  }

  async append(input: LogEntryInput): Promise<AppendedEntry> {
    this.#runtime.catalogue.check(input);
    const appended = await this.#inner.append(input);
    const subscribers = this.#runtime.subscribersOf(input.type);
    if (subscribers.length === 0) return appended;
    if (this.#depth >= MAX_DEPTH) throw new Error(`subscribers cascaded more than ${MAX_DEPTH} deep at ${input.type}: a subscriber loop?`);
    this.#depth += 1;
    try {
      const event = { type: input.type, time: input.time, actor: input.actor, subjects: input.subjects, data: input.data, entryId: appended.id };
      for (const subscriber of subscribers) await subscriber.handle(event, this.#tx());
    } finally {
      this.#depth -= 1;
    }
    return appended;
  }

  /**
   * Appends entries in order. A run of entries no subscriber listens to is stored in one call to
   * the inner appender; an entry with subscribers is appended alone and its subscribers run before
   * the next entry, exactly as one `append` per entry would.
   */
  async appendAll(inputs: readonly LogEntryInput[]): Promise<AppendedEntry[]> {
    for (const input of inputs) this.#runtime.catalogue.check(input);
    const appended: AppendedEntry[] = [];
    let quiet: LogEntryInput[] = [];
    const flush = async () => {
      if (quiet.length > 0) appended.push(...(await this.#inner.appendAll(quiet)));
      quiet = [];
    };
    for (const input of inputs) {
      if (!this.runsSubscribers(input.type)) {
        quiet.push(input);
        continue;
      }
      await flush();
      appended.push(await this.append(input));
    }
    await flush();
    return appended;
  }

  runsSubscribers(type: string): boolean {
    return this.#runtime.subscribersOf(type).length > 0;
  }
}
