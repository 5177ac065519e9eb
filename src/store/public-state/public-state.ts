import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { PublicStateSection } from './public-state-section.js';
import { REGISTRY_SECTIONS } from './registry-sections.js';
import { OVERSIGHT_SECTIONS } from './oversight-sections.js';
import { disclosureRequestSection } from '../disclosure/requests/request-public-section.js';
import { DOCKET_SECTIONS } from '../oversight/dockets/docket-public-state.js';

/** Every section of public state, in digest order. A module that publishes state adds its section here. */
export const PUBLIC_STATE_SECTIONS: readonly PublicStateSection[] = [
  ...REGISTRY_SECTIONS,
  ...OVERSIGHT_SECTIONS,
  disclosureRequestSection,
  ...DOCKET_SECTIONS,
];

// Keys sorted here, not by the database: SQLite and PostgreSQL collate differently.
const byKey = (a: readonly [string, string], b: readonly [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * A SHA-256 over every public item, section by section in key order. Two databases with the same
 * digest publish the same state — how a replay of the log is checked against the live instance.
 *
 * @example
 * const { digest } = await publicStateDigest(store.db);
 */
export async function publicStateDigest(db: Kysely<Database>, sections: readonly PublicStateSection[] = PUBLIC_STATE_SECTIONS): Promise<{ digest: string; records: number }> {
  const hash = createHash('sha256');
  let records = 0;
  for (const section of sections) {
    for (const [key, value] of (await section.items(db)).sort(byKey)) {
      hash.update(`${section.name}\n${key}\n${value}\n`);
      records += 1;
    }
  }
  return { digest: hash.digest('hex'), records };
}

/** An item that differs between two databases' public state. */
export interface PublicStateDifference {
  readonly section: string;
  readonly key: string;
  /** `changed`: both have it, differently; `only-in-live` / `only-in-replay`: one lacks it. */
  readonly kind: 'changed' | 'only-in-live' | 'only-in-replay';
}

/**
 * Compares the live public state with a replay of the log, naming every item that differs — a
 * direct edit of a table (an organisation renamed in SQL) shows up as that organisation.
 *
 * @example
 * const differences = await comparePublicState(live.db, replayed.db);
 */
export async function comparePublicState(live: Kysely<Database>, replayed: Kysely<Database>, sections: readonly PublicStateSection[] = PUBLIC_STATE_SECTIONS): Promise<PublicStateDifference[]> {
  const differences: PublicStateDifference[] = [];
  for (const section of sections) {
    const a = new Map(await section.items(live));
    const b = new Map(await section.items(replayed));
    for (const [key, value] of [...a].sort(byKey)) {
      const other = b.get(key);
      if (other === undefined) differences.push({ section: section.name, key, kind: 'only-in-live' });
      else if (other !== value) differences.push({ section: section.name, key, kind: 'changed' });
    }
    for (const key of [...b.keys()].sort()) if (!a.has(key)) differences.push({ section: section.name, key, kind: 'only-in-replay' });
  }
  return differences;
}
