import type { EventCatalogue } from '../../ledger/catalogue/event-catalogue.js';
import type { EventSubscriber } from './event-subscriber.js';

/**
 * The catalogue and the subscribers a store's transactions run with: every append is checked
 * against the catalogue and then handed to the subscribers of its type.
 *
 * @example
 * const runtime = new EventRuntime(catalogue, [flagApprovalsOnIncident]);
 * const store = await Store.open(url, { events: runtime });
 */
export class EventRuntime<Tx> {
  readonly catalogue: EventCatalogue<Tx>;
  readonly #byType = new Map<string, EventSubscriber<Tx>[]>();

  constructor(catalogue: EventCatalogue<Tx>, subscribers: readonly EventSubscriber<Tx>[] = []) {
    this.catalogue = catalogue;
    for (const subscriber of subscribers) {
      for (const type of subscriber.on) {
        if (!catalogue.get(type)) throw new Error(`subscriber "${subscriber.name}" listens to "${type}", which the catalogue does not declare`);
        this.#byType.set(type, [...(this.#byType.get(type) ?? []), subscriber]);
      }
    }
  }

  subscribersOf(type: string): readonly EventSubscriber<Tx>[] {
    return this.#byType.get(type) ?? [];
  }
}
