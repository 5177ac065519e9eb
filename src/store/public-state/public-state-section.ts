import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * One part of what Countersign publishes (the registry's organisations, the change history, the
 * public alerts, the acquisition reviews …): every item by a stable key, each as canonical JSON
 * of exactly what the log can rebuild. A replay of the log must reproduce every section.
 */
export interface PublicStateSection {
  readonly name: string;
  /** Every public item, as [key, canonical JSON]; the caller sorts. */
  items(db: Kysely<Database>): Promise<(readonly [string, string])[]>;
}
