import type { ReplayReport } from '../ledger/replay/replay-log.js';
import { replayLog } from '../ledger/replay/replay-log.js';
import { openLogStorage } from '../store/ledger/open-log-storage.js';
import { comparePublicState, publicStateDigest, type PublicStateDifference } from '../store/public-state/public-state.js';
import type { Store } from '../store/store.js';

/** What a replay found. */
export interface ReplayOutcome {
  readonly report: ReplayReport;
  readonly live: { readonly digest: string; readonly records: number };
  readonly replayed: { readonly digest: string; readonly records: number };
  /** Items of public state that differ (empty when the digests match). */
  readonly differences: readonly PublicStateDifference[];
  /** Entries committed but not yet in a signed checkpoint (not replayed). */
  readonly pending: number;
}

/**
 * Rebuilds the public state in an empty `target` from `source`'s signed log alone — every entry
 * through its type's declared replay — and compares it with the live state, item by item.
 *
 * @example
 * const outcome = await replayLogInto(live, emptyStore);
 * if (outcome.differences.length > 0) console.log(outcome.differences);
 */
export async function replayLogInto(source: Store, target: Store): Promise<ReplayOutcome> {
  if (await target.db.selectFrom('sources').select('id').limit(1).executeTakeFirst()) throw new Error(`${target.description} already holds a registry; replay into an empty database`);
  const catalogue = target.events.catalogue;
  const report = await replayLog(openLogStorage(source), (entries) =>
    target.transaction(async (tx) => {
      let applied = 0;
      for (const entry of entries) if (await catalogue.replay(entry, tx)) applied += 1;
      return applied;
    }),
  );
  const [live, replayed] = [await publicStateDigest(source.db), await publicStateDigest(target.db)];
  const differences = live.digest === replayed.digest ? [] : await comparePublicState(source.db, target.db);
  const pending = (await openLogStorage(source).pendingEntries(1_000_000)).length;
  return { report, live, replayed, differences, pending };
}
