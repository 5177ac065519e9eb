import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { IndexCollection, IndexFilters, IndexSort } from '../../../registry/listing/index-query.js';
import type { Database } from '../../schema.js';

/** A page of an index: the keys in display order and how many records pass the filters. */
export interface IndexKeys {
  readonly keys: readonly string[];
  readonly total: number;
}

/** What the filter form offers: the values present in the registry. */
export interface IndexOptions {
  readonly countries: readonly string[];
  readonly kinds: readonly string[];
  readonly authorities: readonly string[];
}

interface Order {
  readonly sort: IndexSort;
  readonly order: 'asc' | 'desc';
}

/** "Up to `to`" for reduced dates: `to=2024-10` keeps 2024-10-31 ('-' sorts before '~'). */
function upTo(to: string): string {
  return `${to}~`;
}

/**
 * One builder per collection: the filtered rows with `key` (the record key) and `sortKey`.
 * Every value is a bound parameter; column names come from the code, never from the request.
 */
function filtered(db: Kysely<Database>, collection: IndexCollection, f: IndexFilters, sort: IndexSort) {
  const designated = (id: Expression<string>) => (f.authority === undefined ? sql<SqlBool>`1 = 1` : sql<SqlBool>`exists (select 1 from designations d where d.subject_id = ${id} and d.authority = ${f.authority})`);
  switch (collection) {
    case 'organizations':
      return db.selectFrom('organizations as r')
        .select(['r.id as key', sort === 'country' ? 'r.country as sortKey' : sort === 'kind' ? 'r.kind as sortKey' : 'r.name as sortKey'])
        .$if(f.country !== undefined, (q) => q.where('r.country', '=', f.country ?? ''))
        .$if(f.kind !== undefined, (q) => q.where('r.kind', '=', f.kind ?? ''))
        .$if(f.status !== undefined, (q) => q.where('r.status', '=', f.status ?? ''))
        .$if(f.authority !== undefined, (q) => q.where(designated(sql.ref('r.id'))));
    case 'people':
      return db.selectFrom('people as r')
        .select(['r.id as key', sort === 'country' ? 'r.nationality as sortKey' : 'r.name as sortKey'])
        .$if(f.country !== undefined, (q) => q.where('r.nationality', '=', f.country ?? ''))
        .$if(f.status !== undefined, (q) => q.where('r.status', '=', f.status ?? ''))
        .$if(f.authority !== undefined, (q) => q.where(designated(sql.ref('r.id'))));
    case 'products':
      return db.selectFrom('products as r')
        .select(['r.id as key', 'r.name as sortKey'])
        .$if(f.status !== undefined, (q) => q.where('r.status', '=', f.status ?? ''));
    case 'incidents':
      return db.selectFrom('incidents as r')
        .select(['r.id as key', sort === 'date' ? 'r.date as sortKey' : sort === 'country'
          ? sql<string>`(select min(l.value) from incident_links l where l.incident_id = r.id and l.link_type = 'country')`.as('sortKey')
          : 'r.title as sortKey'])
        .$if(f.country !== undefined, (q) => q.where(sql<SqlBool>`exists (select 1 from incident_links l where l.incident_id = r.id and l.link_type = 'country' and l.value = ${f.country ?? ''})`))
        .$if(f.status !== undefined, (q) => q.where('r.status', '=', f.status ?? ''))
        .$if(f.from !== undefined, (q) => q.where('r.date', '>=', f.from ?? ''))
        .$if(f.to !== undefined, (q) => q.where('r.date', '<=', upTo(f.to ?? '')));
    case 'contracts':
      return db.selectFrom('contracts as r')
        .select(['r.piid as key', sort === 'value' ? sql<string>`r.value`.as('sortKey') : 'r.piid as sortKey'])
        .$if(f.status !== undefined, (q) => q.where('r.status', '=', f.status ?? ''));
    case 'sources':
      return db.selectFrom('sources as r')
        .select(['r.id as key', sort === 'date' ? 'r.date as sortKey' : 'r.title as sortKey'])
        .$if(f.available === 'link', (q) => q.where('r.url', 'is not', null))
        .$if(f.available === 'archive', (q) => q.where('r.file', 'is not', null))
        .$if(f.available === 'neither', (q) => q.where('r.url', 'is', null).where('r.file', 'is', null))
        .$if(f.status !== undefined, (q) => q.where('r.status', '=', f.status ?? ''))
        .$if(f.from !== undefined, (q) => q.where('r.date', '>=', f.from ?? ''))
        .$if(f.to !== undefined, (q) => q.where('r.date', '<=', upTo(f.to ?? '')));
    case 'policies':
      return db.selectFrom('policies as r')
        .select(['r.id as key', sort === 'date' ? 'r.date as sortKey' : sort === 'country' ? 'r.jurisdiction as sortKey' : 'r.title as sortKey'])
        .$if(f.country !== undefined, (q) => q.where('r.jurisdiction', '=', f.country ?? ''))
        .$if(f.status !== undefined, (q) => q.where('r.status', '=', f.status ?? ''))
        .$if(f.from !== undefined, (q) => q.where('r.date', '>=', f.from ?? ''))
        .$if(f.to !== undefined, (q) => q.where('r.date', '<=', upTo(f.to ?? '')));
  }
}

/**
 * One page of an index: the keys of the records that pass the filters, sorted (records without
 * the sort value last, ties by key), and the total.
 *
 * @example
 * const { keys, total } = await readIndexKeys(db, 'incidents', { country: 'IT' }, { sort: 'date', order: 'desc' }, 20, 0);
 */
export async function readIndexKeys(db: Kysely<Database>, collection: IndexCollection, filters: IndexFilters, { sort, order }: Order, limit: number, offset: number): Promise<IndexKeys> {
  const query = filtered(db, collection, filters, sort);
  const rows = await db.selectFrom(query.as('f')).select('f.key')
    .orderBy(sql`case when ${sql.ref('f.sortKey')} is null then 1 else 0 end`)
    .orderBy('f.sortKey', order)
    .orderBy('f.key')
    .limit(limit).offset(offset).execute();
  const count = await db.selectFrom(query.as('f')).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return { keys: rows.map((r) => r.key), total: Number(count?.n ?? 0) };
}

/**
 * The keys after `after` (key order) that pass the filters: keyset pages for exporting exactly
 * what an index shows, however many there are.
 *
 * @example
 * const next = await readFilteredKeysAfter(db, 'organizations', { country: 'IL' }, '', 100);
 */
export async function readFilteredKeysAfter(db: Kysely<Database>, collection: IndexCollection, filters: IndexFilters, after: string, limit: number): Promise<string[]> {
  const query = filtered(db, collection, filters, 'name');
  const rows = await db.selectFrom(query.as('f')).select('f.key').where('f.key', '>', after).orderBy('f.key').limit(limit).execute();
  return rows.map((r) => r.key);
}

const distinct = (rows: readonly { value: string | null }[]): string[] => [...new Set(rows.flatMap((r) => (r.value ? [r.value] : [])))].sort();

/**
 * The countries, kinds and authorities an index's filter form offers: those present.
 *
 * @example
 * const { countries } = await readIndexOptions(db, 'incidents');
 */
export async function readIndexOptions(db: Kysely<Database>, collection: IndexCollection): Promise<IndexOptions> {
  const authorities = async () => distinct(await db.selectFrom('designations').select('authority as value').distinct().where('subjectType', '=', collection === 'people' ? 'person' : 'organization').execute());
  switch (collection) {
    case 'organizations':
      return {
        countries: distinct(await db.selectFrom('organizations').select('country as value').distinct().execute()),
        kinds: distinct(await db.selectFrom('organizations').select('kind as value').distinct().execute()),
        authorities: await authorities(),
      };
    case 'people':
      return { countries: distinct(await db.selectFrom('people').select('nationality as value').distinct().execute()), kinds: [], authorities: await authorities() };
    case 'incidents':
      return { countries: distinct(await db.selectFrom('incidentLinks').select('value').distinct().where('linkType', '=', 'country').execute()), kinds: [], authorities: [] };
    case 'policies':
      return { countries: distinct(await db.selectFrom('policies').select('jurisdiction as value').distinct().execute()), kinds: [], authorities: [] };
    default:
      return { countries: [], kinds: [], authorities: [] };
  }
}

/**
 * How many sources have neither a link nor an archived copy: the index says so.
 *
 * @example
 * await countSourcesWithoutCopy(db); // 4
 */
export async function countSourcesWithoutCopy(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('sources').select((eb) => eb.fn.countAll().as('n')).where('url', 'is', null).where('file', 'is', null).executeTakeFirst();
  return Number(row?.n ?? 0);
}
