import type { Kysely } from 'kysely';
import type { RecordShapes } from '../../../registry/registry-record.js';
import type { HomeView } from '../../../registry/views.js';
import type { Database } from '../../schema.js';
import { getRecord } from '../get-record.js';
import { designationTimeline } from './read-designations.js';
import { partyRefs } from './lookups.js';

/** The newest listings and delistings, incidents and contract events, and record counts. */
export async function readHome(db: Kysely<Database>, limit = 10): Promise<HomeView> {
  const recent = await db
    .selectFrom('designations')
    .select('id')
    .orderBy((eb) => eb.fn.coalesce('delistedDate', 'listedDate'), 'desc')
    .orderBy('listedDate', 'desc')
    .orderBy('id')
    .limit(limit * 2)
    .execute();
  const designations: RecordShapes['designation'][] = [];
  for (const { id } of recent) {
    const d = await getRecord(db, 'designation', id);
    if (d) designations.push(d);
  }
  const subjects = await partyRefs(db, designations.map((d) => d.subject));
  const designationEvents = designationTimeline(designations)
    .reverse()
    .slice(0, limit)
    .map((e) => ({ ...e, subject: subjects.get(e.designation.subject) ?? { type: 'organization' as const, id: e.designation.subject, name: e.designation.subject } }));

  const incidents: RecordShapes['incident'][] = [];
  for (const { id } of await db.selectFrom('incidents').select('id').orderBy('date', 'desc').orderBy('id').limit(limit).execute()) {
    const i = await getRecord(db, 'incident', id);
    if (i) incidents.push(i);
  }

  const contractEvents: HomeView['contractEvents'][number][] = [];
  for (const { id } of await db.selectFrom('contractTransactions').select('id').orderBy('date', 'desc').orderBy('id').limit(limit).execute()) {
    const transaction = await getRecord(db, 'transaction', id);
    const contract = transaction ? await getRecord(db, 'contract', transaction.piid) : null;
    if (!transaction || !contract) continue;
    const recipient = contract.recipient ? (await partyRefs(db, [contract.recipient])).get(contract.recipient) ?? null : null;
    contractEvents.push({ transaction, contract, recipient });
  }

  const count = async (table: 'organizations' | 'people' | 'products' | 'designations' | 'incidents' | 'contracts' | 'sources') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  const counts = {
    organization: await count('organizations'), person: await count('people'), product: await count('products'), designation: await count('designations'),
    incident: await count('incidents'), contract: await count('contracts'), source: await count('sources'),
  };
  return { designationEvents, incidents, contractEvents, counts };
}
