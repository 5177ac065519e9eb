import { Store } from '../store/store.js';
import { eventRuntime } from './event-runtime.js';

/**
 * Opens the store with this app's event catalogue and subscribers (creating and migrating the
 * database as needed).
 *
 * @example
 * const store = await openStore('sqlite:data/countersign.db');
 */
export function openStore(url: string): Promise<Store> {
  return Store.open(url, { events: eventRuntime() });
}
