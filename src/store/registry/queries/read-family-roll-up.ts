import type { Kysely } from 'kysely';
import type { RecordShapes } from '../../../registry/registry-record.js';
import type { FamilyMember, FamilyRollUp, ViaFamily } from '../../../registry/views.js';
import type { Database } from '../../schema.js';
import { getRecord } from '../get-record.js';
import { readContracts } from './read-contracts.js';

/** What the organisation already shows as its own, so the roll-up never repeats it. */
export interface OwnFacts {
  readonly designationIds: ReadonlySet<string>;
  readonly incidentIds: ReadonlySet<string>;
  readonly piids: ReadonlySet<string>;
}

/** A page shows this many of each kind; a family with more says how many more there are. */
const ROLL_UP_LIMIT = 50;

/** The member a fact belongs to: the nearest one when it concerns several (a contract's buyer and recipient). */
function nearest(members: ReadonlyMap<string, FamilyMember>, ids: readonly (string | null)[]): FamilyMember | undefined {
  const found = ids.flatMap((id) => (id === null ? [] : [members.get(id)])).filter((m): m is FamilyMember => m !== undefined);
  return found.sort((a, b) => a.path.length - b.path.length)[0];
}

/**
 * The designations, incidents and contracts of an organisation's subsidiaries and affiliates (its
 * `holding` family members; parents' facts stay on the parents' pages), each with the member it
 * belongs to, for "via …" labels. Four queries find them all, whatever the family's size; at
 * most `limit` of each kind are read in full (the newest designations, the first contracts by
 * PIID), and `totals` says how many there are.
 *
 * @example
 * const rolledUp = await readFamilyRollUp(db, family.members, own);
 */
export async function readFamilyRollUp(db: Kysely<Database>, family: readonly FamilyMember[], own: OwnFacts, limit = ROLL_UP_LIMIT): Promise<FamilyRollUp> {
  const holdings = new Map(family.filter((m) => m.side === 'holding').map((m) => [m.ref.id, m]));
  const ids = [...holdings.keys()];
  if (ids.length === 0) return { designations: [], incidents: [], contracts: [], totals: { designations: 0, incidents: 0, contracts: 0 } };

  const designations: ViaFamily<RecordShapes['designation']>[] = [];
  const designationRows = (await db.selectFrom('designations').select(['id', 'subjectId']).where('subjectId', 'in', ids).orderBy('listedDate', 'desc').orderBy('id').execute()).filter((r) => !own.designationIds.has(r.id));
  for (const row of designationRows.slice(0, limit)) {
    const via = holdings.get(row.subjectId);
    const designation = await getRecord(db, 'designation', row.id);
    if (via && designation) designations.push({ item: designation, via });
  }

  const products = await db.selectFrom('products').select(['id', 'vendorId']).where('vendorId', 'in', ids).execute();
  const productVendor = new Map(products.map((p) => [p.id, p.vendorId]));
  const links = await db
    .selectFrom('incidentLinks')
    .select(['incidentId', 'linkType', 'value'])
    .where((eb) => eb.or([
      eb.and([eb('linkType', '=', 'vendor'), eb('value', 'in', ids)]),
      ...(products.length > 0 ? [eb.and([eb('linkType', '=', 'product'), eb('value', 'in', [...productVendor.keys()])])] : []),
    ]))
    .orderBy('incidentId')
    .execute();
  const incidentVia = new Map<string, FamilyMember>();
  for (const link of links) {
    if (own.incidentIds.has(link.incidentId)) continue;
    const memberId = link.linkType === 'vendor' ? link.value : productVendor.get(link.value) ?? null;
    const via = nearest(holdings, [memberId, ...[incidentVia.get(link.incidentId)?.ref.id ?? null]]);
    if (via) incidentVia.set(link.incidentId, via);
  }
  const incidents: ViaFamily<RecordShapes['incident']>[] = [];
  for (const [id, via] of [...incidentVia].slice(0, limit)) {
    const incident = await getRecord(db, 'incident', id);
    if (incident) incidents.push({ item: incident, via });
  }
  incidents.sort((a, b) => (b.item.date ?? '').localeCompare(a.item.date ?? '') || a.item.id.localeCompare(b.item.id));

  const contractRows = await db
    .selectFrom('contracts')
    .select(['piid', 'recipientId', 'buyerId', 'fundingOfficeId'])
    .where((eb) => eb.or([eb('recipientId', 'in', ids), eb('buyerId', 'in', ids), eb('fundingOfficeId', 'in', ids)]))
    .orderBy('piid')
    .execute();
  const contractVia = new Map<string, FamilyMember>();
  for (const row of contractRows) {
    const via = own.piids.has(row.piid) ? undefined : nearest(holdings, [row.recipientId, row.buyerId, row.fundingOfficeId]);
    if (via) contractVia.set(row.piid, via);
  }
  const contracts = (await readContracts(db, [...contractVia.keys()].slice(0, limit))).flatMap((view) => {
    const via = contractVia.get(view.contract.piid);
    return via ? [{ item: view, via }] : [];
  });
  designations.sort((a, b) => a.item.listed.localeCompare(b.item.listed) || a.item.id.localeCompare(b.item.id));
  return { designations, incidents, contracts, totals: { designations: designationRows.length, incidents: incidentVia.size, contracts: contractVia.size } };
}
