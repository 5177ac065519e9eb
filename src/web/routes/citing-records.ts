import type { Kysely } from 'kysely';
import { recordUrl } from '../../registry/search/search-result.js';
import type { RecordRef } from '../../registry/views.js';
import { getRecord } from '../../store/registry/get-record.js';
import { partyRefs } from '../../store/registry/queries/lookups.js';
import type { Database } from '../../store/schema.js';
import type { CitingRecord } from '../pages/source-page.js';

/**
 * Where a citing record is shown. Organisations, people, products, incidents and contracts have
 * pages; a designation or relationship is shown on its party's page, a transaction on its
 * contract's; a policy has no page yet.
 */
async function pageOf(db: Kysely<Database>, ref: RecordRef): Promise<string | null> {
  switch (ref.type) {
    case 'organization': case 'person': case 'product': case 'incident': case 'contract': case 'source':
      return recordUrl(ref.type, ref.id);
    case 'designation': {
      const d = await getRecord(db, 'designation', ref.id);
      const subject = d ? (await partyRefs(db, [d.subject])).get(d.subject) : undefined;
      return subject ? `${recordUrl(subject.type, subject.id)}#designations-heading` : null;
    }
    case 'relationship': {
      const r = await getRecord(db, 'relationship', ref.id);
      const from = r ? (await partyRefs(db, [r.from])).get(r.from) : undefined;
      return from ? `${recordUrl(from.type, from.id)}#relationships-heading` : null;
    }
    case 'transaction': {
      const t = await getRecord(db, 'transaction', ref.id);
      return t ? `${recordUrl('contract', t.piid)}#transactions-heading` : null;
    }
    case 'policy':
      return null;
  }
}

/**
 * The records citing a source, each with the page it can be read on.
 *
 * @example
 * const citing = await citingRecords(db, (await readSource(db, 'msnbc-2025-09')).citedBy);
 */
export async function citingRecords(db: Kysely<Database>, refs: readonly RecordRef[]): Promise<CitingRecord[]> {
  const out: CitingRecord[] = [];
  for (const ref of refs) out.push({ type: ref.type, name: ref.name, href: await pageOf(db, ref) });
  return out;
}
