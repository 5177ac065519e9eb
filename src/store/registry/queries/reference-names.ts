import type { Kysely } from 'kysely';
import type { Database } from '../../schema.js';

/**
 * What a reader calls the records these ids name — organisations, people and products by name,
 * sources by title — so a diff reads "Citizen Lab: Virtue or Vice?" rather than a slug. Ids that
 * name nothing are left out (the caller shows the id).
 *
 * @example
 * (await referenceNames(db, ['ice', 'citizenlab-2025-03-19'])).get('ice'); // 'U.S. Immigration and Customs Enforcement'
 */
export async function referenceNames(db: Kysely<Database>, ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)].filter((id) => id.length > 0 && id.length <= 100);
  const out = new Map<string, string>();
  if (unique.length === 0) return out;
  for (const table of ['organizations', 'people', 'products'] as const) {
    for (const r of await db.selectFrom(table).select(['id', 'name']).where('id', 'in', unique).execute()) out.set(r.id, r.name);
  }
  for (const r of await db.selectFrom('sources').select(['id', 'title']).where('id', 'in', unique).execute()) out.set(r.id, r.title);
  return out;
}
