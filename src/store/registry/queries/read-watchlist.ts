import type { Kysely } from 'kysely';
import type { Watchlist } from '../../../procurement/matching/types.js';
import type { RecordShapes } from '../../../registry/registry-record.js';
import { compileWatchlist } from '../../../procurement/watchlist/compile-watchlist.js';
import type { Database } from '../../schema.js';
import { getRecord } from '../get-record.js';

/** The watchlist compiled from the registry as it is now. */
export async function readWatchlist(db: Kysely<Database>): Promise<Watchlist> {
  const organizations: RecordShapes['organization'][] = [];
  for (const { id } of await db.selectFrom('organizations').select('id').execute()) {
    const o = await getRecord(db, 'organization', id);
    if (o) organizations.push(o);
  }
  const relationships: RecordShapes['relationship'][] = [];
  for (const { id } of await db.selectFrom('relationships').select('id').execute()) {
    const r = await getRecord(db, 'relationship', id);
    if (r) relationships.push(r);
  }
  return compileWatchlist(organizations, relationships);
}
