import type { Kysely } from 'kysely';
import type { ExposureRegistry } from '../../exposure/match/exposure-registry.js';
import type { RecordShapes } from '../../registry/registry-record.js';
import type { Database } from '../schema.js';
import { getRecord } from '../registry/get-record.js';

async function all<T extends 'organization' | 'relationship' | 'designation' | 'incident'>(db: Kysely<Database>, type: T, table: 'organizations' | 'relationships' | 'designations' | 'incidents'): Promise<RecordShapes[T][]> {
  const out: RecordShapes[T][] = [];
  for (const { id } of await db.selectFrom(table).select('id').orderBy('id').execute()) {
    const record = await getRecord(db, type, id);
    if (record === null) throw new Error(`${type} ${id} was listed but cannot be read`);
    out.push(record);
  }
  return out;
}

/**
 * The registry as an exposure report reads it, on one read snapshot (a write landing half-way
 * cannot give a chain a relationship whose parties are not there yet).
 *
 * @example
 * const registry = await store.snapshot((db) => readExposureRegistry(db));
 */
export async function readExposureRegistry(db: Kysely<Database>): Promise<ExposureRegistry> {
  return {
    organizations: await all(db, 'organization', 'organizations'),
    relationships: await all(db, 'relationship', 'relationships'),
    designations: await all(db, 'designation', 'designations'),
    incidents: await all(db, 'incident', 'incidents'),
  };
}
