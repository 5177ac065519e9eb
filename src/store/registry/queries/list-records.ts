import type { Kysely } from 'kysely';
import type { RecordShapes } from '../../../registry/registry-record.js';
import type { RecordType } from '../../../registry/schemas/common.js';
import type { Page } from '../../../registry/views.js';
import type { Database } from '../../schema.js';
import { getRecord } from '../get-record.js';

export interface DesignationFilters {
  readonly authority?: string | undefined;
  readonly subject?: string | undefined;
  /** Only designations in force (not delisted) when true, only delisted ones when false. */
  readonly active?: boolean | undefined;
}

/** The keys of one page of records of a type, in a stable order, and the total. */
async function pageKeys(db: Kysely<Database>, type: RecordType, limit: number, offset: number, designations: DesignationFilters): Promise<{ keys: string[]; total: number }> {
  const count = (n: { n: string | number | bigint } | undefined) => Number(n?.n ?? 0);
  switch (type) {
    case 'source': return { keys: (await db.selectFrom('sources').select('id').orderBy('id').limit(limit).offset(offset).execute()).map((r) => r.id), total: count(await db.selectFrom('sources').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()) };
    case 'organization': return { keys: (await db.selectFrom('organizations').select('id').orderBy('name').orderBy('id').limit(limit).offset(offset).execute()).map((r) => r.id), total: count(await db.selectFrom('organizations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()) };
    case 'person': return { keys: (await db.selectFrom('people').select('id').orderBy('name').orderBy('id').limit(limit).offset(offset).execute()).map((r) => r.id), total: count(await db.selectFrom('people').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()) };
    case 'product': return { keys: (await db.selectFrom('products').select('id').orderBy('name').orderBy('id').limit(limit).offset(offset).execute()).map((r) => r.id), total: count(await db.selectFrom('products').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()) };
    case 'relationship': return { keys: (await db.selectFrom('relationships').select('id').orderBy('id').limit(limit).offset(offset).execute()).map((r) => r.id), total: count(await db.selectFrom('relationships').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()) };
    case 'designation': {
      let query = db.selectFrom('designations');
      if (designations.authority) query = query.where('authority', '=', designations.authority);
      if (designations.subject) query = query.where('subjectId', '=', designations.subject);
      if (designations.active === true) query = query.where('delistedDate', 'is', null);
      if (designations.active === false) query = query.where('delistedDate', 'is not', null);
      const keys = (await query.select('id').orderBy('listedDate', 'desc').orderBy('id').limit(limit).offset(offset).execute()).map((r) => r.id);
      return { keys, total: count(await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()) };
    }
    case 'incident': return { keys: (await db.selectFrom('incidents').select('id').orderBy('date', 'desc').orderBy('id').limit(limit).offset(offset).execute()).map((r) => r.id), total: count(await db.selectFrom('incidents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()) };
    case 'contract': return { keys: (await db.selectFrom('contracts').select('piid').orderBy('piid').limit(limit).offset(offset).execute()).map((r) => r.piid), total: count(await db.selectFrom('contracts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()) };
    case 'transaction': return { keys: (await db.selectFrom('contractTransactions').select('id').orderBy('date', 'desc').orderBy('id').limit(limit).offset(offset).execute()).map((r) => r.id), total: count(await db.selectFrom('contractTransactions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()) };
    case 'policy': return { keys: (await db.selectFrom('policies').select('id').orderBy('id').limit(limit).offset(offset).execute()).map((r) => r.id), total: count(await db.selectFrom('policies').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()) };
  }
}

/**
 * One page of stored records of a type: organisations, people and products by name, incidents
 * and transactions newest first, designations by listing date (filterable).
 *
 * @example
 * const page = await listRecords(db, 'designation', { limit: 50, offset: 0, designations: { authority: 'US-OFAC' } });
 */
export async function listRecords<T extends RecordType>(
  db: Kysely<Database>,
  type: T,
  { limit, offset, designations = {} }: { limit: number; offset: number; designations?: DesignationFilters },
): Promise<Page<RecordShapes[T]>> {
  const { keys, total } = await pageKeys(db, type, limit, offset, designations);
  const items: RecordShapes[T][] = [];
  for (const key of keys) {
    const record = await getRecord(db, type, key);
    if (record) items.push(record);
  }
  return { items, total, limit, offset };
}
