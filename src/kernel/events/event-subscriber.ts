import type { EntryMeta } from '../../ledger/catalogue/event-definition.js';

/** An entry just appended, as a subscriber sees it: its meta, its (validated) data, its row id. */
export interface AppendedEvent extends EntryMeta {
  readonly data: unknown;
  readonly entryId: number;
}

/**
 * Work one module starts when another module's event is appended, in the same transaction —
 * without the emitting module importing the listener (the registry records an incident; oversight
 * flags every approval of the vendor's products for re-evaluation). Wired in `src/app/`.
 *
 * @example
 * const flagApprovals: EventSubscriber<StoreTransaction> = { name: 'oversight.re-evaluate', on: ['registry.incident.upserted'], handle: (event, tx) => flagForReevaluation(event, tx) };
 */
export interface EventSubscriber<Tx> {
  /** Who listens and why, for logs and errors. */
  readonly name: string;
  /** The entry types it reacts to. */
  readonly on: readonly string[];
  handle(event: AppendedEvent, tx: Tx): Promise<void>;
}
