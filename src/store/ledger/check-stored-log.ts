import { checkLog, type LogCheckReport } from '../../ledger/check/check-log.js';
import type { Store } from '../store.js';
import { KyselyLogStorage } from './kysely-log-storage.js';

/**
 * `log check` on a live database: `checkLog` over one read snapshot, so entries, tiles and
 * checkpoints committed while it runs are neither half-seen nor mistaken for tampering.
 *
 * @example
 * const report = await checkStoredLog(store, verifierKey);
 */
export function checkStoredLog(store: Store, verifierKey: string, pageSize?: number): Promise<LogCheckReport> {
  return store.snapshot((db) => checkLog(new KyselyLogStorage(db, store.dialect), verifierKey, pageSize));
}
