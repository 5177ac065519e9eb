import { canonicalJson } from '../ledger/entries/canonical-json.js';
import { replayLog } from '../ledger/replay/replay-log.js';
import { KyselyLogStorage } from '../store/ledger/kysely-log-storage.js';
import type { Kysely } from 'kysely';
import { comparePublicState, type PublicStateDifference } from '../store/public-state/public-state.js';
import { readPublishedOpenings } from '../store/ledger/read-sealed-fields.js';
import type { Database } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { openStore } from './open-store.js';

/**
 * The log is the truth: replays it (every signed entry, then the committed entries still waiting
 * for the sequencer) into a scratch database and compares the result with the live public state,
 * all from one snapshot of the live database — so writes arriving meanwhile are never mistaken
 * for tampering, and a direct edit of a table (an organisation renamed in SQL, an alert's status
 * changed) is named item by item.
 *
 * @example
 * const differences = await checkPublicState(store);
 */
export async function checkPublicState(live: Store): Promise<PublicStateDifference[]> {
  const scratch = await openStore('sqlite::memory:');
  try {
    return await live.snapshot(async (db) => {
      const storage = new KyselyLogStorage(db, live.dialect);
      const apply = (entries: readonly string[]) =>
        scratch.transaction(async (tx) => {
          let applied = 0;
          for (const entry of entries) if (await scratch.events.catalogue.replay(entry, tx)) applied += 1;
          return applied;
        });
      await replayLog(storage, apply);
      // Committed but not yet signed: part of the state, checked against the log as it stands.
      await apply((await storage.pendingEntries(Number.MAX_SAFE_INTEGER)).map((e) => e.entry));
      return [...(await comparePublicState(db, scratch.db)), ...(await checkUnsealedValues(db))];
    });
  } finally {
    await scratch.close();
  }
}

/**
 * An unsealed field's value as the seal store holds it must be the value its publishing entry in
 * the log carries: an edit of `sealed_values` after unsealing is tampering with what was published.
 */
async function checkUnsealedValues(db: Kysely<Database>): Promise<PublicStateDifference[]> {
  const rows = await db
    .selectFrom('sealOpenings')
    .innerJoin('sealedValues', 'sealedValues.id', 'sealOpenings.valueId')
    .innerJoin('logEntries', 'logEntries.id', 'sealOpenings.logEntryId')
    .select(['logEntries.leafIndex', 'sealOpenings.field', 'sealedValues.value'])
    .where('sealOpenings.unsealedAt', 'is not', null)
    .where('logEntries.leafIndex', 'is not', null)
    .execute();
  const differences: PublicStateDifference[] = [];
  for (const row of rows) {
    if (row.leafIndex === null) continue;
    const index = BigInt(row.leafIndex);
    const published = (await readPublishedOpenings(db, index)).get(row.field);
    const key = `${index}/${row.field}`;
    if (!published) differences.push({ section: 'unsealed', key, kind: 'only-in-live' });
    else if (canonicalJson(published.value) !== row.value) differences.push({ section: 'unsealed', key, kind: 'changed' });
  }
  return differences;
}
