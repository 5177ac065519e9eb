import type { Kysely } from 'kysely';
import type { Database } from '../../schema.js';

/** How many records concern one country (ISO 3166-1 alpha-2), for the portal's maps. */
export interface CountryCount {
  readonly country: string;
  readonly count: number;
}

function merged(rows: readonly { country: string | null; n: number | string | bigint }[]): CountryCount[] {
  const counts = new Map<string, number>();
  for (const { country, n } of rows) if (country !== null) counts.set(country, (counts.get(country) ?? 0) + Number(n));
  return [...counts].map(([country, count]) => ({ country, count })).sort((a, b) => b.count - a.count || a.country.localeCompare(b.country));
}

/**
 * Incidents per country where their targets were (an incident in several countries counts in
 * each). One grouped query.
 *
 * @example
 * await readIncidentCountryCounts(db); // [{ country: 'MX', count: 2 }, { country: 'IT', count: 1 }, …]
 */
export async function readIncidentCountryCounts(db: Kysely<Database>): Promise<CountryCount[]> {
  const rows = await db
    .selectFrom('incidentLinks')
    .select((eb) => ['value as country', eb.fn.count<number>('incidentId').distinct().as('n')])
    .where('linkType', '=', 'country')
    .groupBy('value')
    .execute();
  return merged(rows);
}

/**
 * Designations per country of their subject: an organisation's country, a person's nationality
 * (subjects with neither are not counted). Filtered like the designations list: by authority, and
 * in force (`active: true`) or delisted (`active: false`).
 *
 * @example
 * await readDesignationCountryCounts(db, { authority: 'US-OFAC' });
 */
export async function readDesignationCountryCounts(db: Kysely<Database>, filter: { readonly authority?: string | undefined; readonly active?: boolean | undefined } = {}): Promise<CountryCount[]> {
  let organizations = db
    .selectFrom('designations')
    .innerJoin('organizations', 'organizations.id', 'designations.subjectId')
    .select((eb) => ['organizations.country as country', eb.fn.countAll<number>().as('n')])
    .groupBy('organizations.country');
  let people = db
    .selectFrom('designations')
    .innerJoin('people', 'people.id', 'designations.subjectId')
    .select((eb) => ['people.nationality as country', eb.fn.countAll<number>().as('n')])
    .groupBy('people.nationality');
  if (filter.authority) {
    organizations = organizations.where('designations.authority', '=', filter.authority);
    people = people.where('designations.authority', '=', filter.authority);
  }
  if (filter.active !== undefined) {
    const operator = filter.active ? 'is' : 'is not';
    organizations = organizations.where('designations.delistedDate', operator, null);
    people = people.where('designations.delistedDate', operator, null);
  }
  return merged([...(await organizations.execute()), ...(await people.execute())]);
}
