import type { Kysely } from 'kysely';
import type { RelationshipView } from '../../../registry/views.js';
import type { Database } from '../../schema.js';
import { getRecord } from '../get-record.js';
import { partyRefs } from './lookups.js';

/** Every relationship a party is on either end of, with the other party named. */
export async function readRelationshipsOf(db: Kysely<Database>, id: string): Promise<RelationshipView[]> {
  const rows = await db.selectFrom('relationships').select(['id', 'fromId', 'toId']).where((eb) => eb.or([eb('fromId', '=', id), eb('toId', '=', id)])).orderBy('type').orderBy('id').execute();
  const others = await partyRefs(db, rows.map((r) => (r.fromId === id ? r.toId : r.fromId)));
  const views: RelationshipView[] = [];
  for (const row of rows) {
    const relationship = await getRecord(db, 'relationship', row.id);
    if (!relationship) continue;
    const direction = row.fromId === id ? 'outgoing' : 'incoming';
    const otherId = direction === 'outgoing' ? row.toId : row.fromId;
    views.push({ relationship, direction, other: others.get(otherId) ?? { type: 'organization', id: otherId, name: otherId } });
  }
  return views;
}
