import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * The log subjects among `subjects` that name a registry record with a page, as stored now: an
 * entry may name a record that was never created (a review item's contract, until confirmed), and
 * a link to it would only lead to a 404.
 *
 * @example
 * const linked = await linkedSubjects(db, ['organization:candiru', 'contract:70REVIEW0001']); // Set { 'organization:candiru' }
 */
export async function linkedSubjects(db: Kysely<Database>, subjects: readonly string[]): Promise<ReadonlySet<string>> {
  const ids = new Map<string, string[]>();
  for (const subject of new Set(subjects)) {
    const colon = subject.indexOf(':');
    if (colon <= 0) continue;
    const kind = subject.slice(0, colon);
    ids.set(kind, [...(ids.get(kind) ?? []), subject.slice(colon + 1)]);
  }
  const found = async (kind: string, read: (wanted: string[]) => Promise<{ id: string }[]>): Promise<string[]> => {
    const wanted = ids.get(kind);
    return wanted && wanted.length > 0 ? (await read(wanted)).map((r) => `${kind}:${r.id}`) : [];
  };
  const lists = await Promise.all([
    found('organization', (w) => db.selectFrom('organizations').select('id').where('id', 'in', w).execute()),
    found('person', (w) => db.selectFrom('people').select('id').where('id', 'in', w).execute()),
    found('product', (w) => db.selectFrom('products').select('id').where('id', 'in', w).execute()),
    found('incident', (w) => db.selectFrom('incidents').select('id').where('id', 'in', w).execute()),
    found('contract', (w) => db.selectFrom('contracts').select('piid as id').where('piid', 'in', w).execute()),
    found('source', (w) => db.selectFrom('sources').select('id').where('id', 'in', w).execute()),
  ]);
  return new Set(lists.flat());
}
