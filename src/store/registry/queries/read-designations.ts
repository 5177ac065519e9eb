import type { Kysely } from 'kysely';
import type { RecordShapes } from '../../../registry/registry-record.js';
import type { DesignationEvent } from '../../../registry/views.js';
import type { Database } from '../../schema.js';
import { getRecord } from '../get-record.js';

/** A subject's designations, listed date order. */
export async function readDesignationsOf(db: Kysely<Database>, subjectId: string): Promise<RecordShapes['designation'][]> {
  const rows = await db.selectFrom('designations').select('id').where('subjectId', '=', subjectId).orderBy('listedDate').orderBy('id').execute();
  const out: RecordShapes['designation'][] = [];
  for (const { id } of rows) {
    const d = await getRecord(db, 'designation', id);
    if (d) out.push(d);
  }
  return out;
}

/** Listings and delistings as one timeline, oldest first. */
export function designationTimeline(designations: readonly RecordShapes['designation'][]): DesignationEvent[] {
  const events: DesignationEvent[] = [];
  for (const designation of designations) {
    events.push({ date: designation.listed, kind: 'listed', designation });
    if (designation.delisted) events.push({ date: designation.delisted, kind: 'delisted', designation });
  }
  return events.sort((a, b) => a.date.localeCompare(b.date) || (a.kind === b.kind ? 0 : a.kind === 'listed' ? -1 : 1));
}
