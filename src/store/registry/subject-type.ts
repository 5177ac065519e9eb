import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Whether an id names a person or an organisation (relationships and designations may point at either). */
export async function subjectTypeOf(db: Kysely<Database>, id: string): Promise<'person' | 'organization'> {
  const person = await db.selectFrom('people').select('id').where('id', '=', id).executeTakeFirst();
  return person ? 'person' : 'organization';
}
