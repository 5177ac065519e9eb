import type { Kysely } from 'kysely';
import type { RecordShapes } from '../../../registry/registry-record.js';
import { isRecordType } from '../../../registry/schemas/common.js';
import type { IncidentView, RecordRef, OrganizationView, PersonView, ProductView, SourceView } from '../../../registry/views.js';
import type { Database } from '../../schema.js';
import { getRecord } from '../get-record.js';
import { readContracts } from './read-contracts.js';
import { readCorporateFamily } from './read-corporate-family.js';
import { readFamilyRollUp } from './read-family-roll-up.js';
import { designationTimeline, readDesignationsOf } from './read-designations.js';
import { readRelationshipsOf } from './read-relationships.js';
import { historyOf, partyRefs, productRefs, sourceSummaries } from './lookups.js';

async function incidentsLinkedTo(db: Kysely<Database>, links: { linkType: 'product' | 'vendor'; values: string[] }[]): Promise<RecordShapes['incident'][]> {
  const ids = new Set<string>();
  for (const { linkType, values } of links) {
    if (values.length === 0) continue;
    for (const r of await db.selectFrom('incidentLinks').select('incidentId').where('linkType', '=', linkType).where('value', 'in', values).execute()) ids.add(r.incidentId);
  }
  const incidents: RecordShapes['incident'][] = [];
  for (const id of ids) {
    const incident = await getRecord(db, 'incident', id);
    if (incident) incidents.push(incident);
  }
  return incidents.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id));
}

/**
 * An organisation's page: names, owners and subsidiaries, products, designations with their
 * timeline, incidents (its own and its products'), contracts it received, bought or funded, and
 * every source cited anywhere on it.
 */
export async function readOrganization(db: Kysely<Database>, id: string): Promise<OrganizationView | null> {
  const organization = await getRecord(db, 'organization', id);
  if (!organization) return null;
  const relationships = await readRelationshipsOf(db, id);
  const productIds = (await db.selectFrom('products').select('id').where('vendorId', '=', id).orderBy('name').execute()).map((r) => r.id);
  const products: RecordShapes['product'][] = [];
  for (const pid of productIds) {
    const p = await getRecord(db, 'product', pid);
    if (p) products.push(p);
  }
  const designations = await readDesignationsOf(db, id);
  const incidents = await incidentsLinkedTo(db, [{ linkType: 'vendor', values: [id] }, { linkType: 'product', values: productIds }]);
  const piids = await db
    .selectFrom('contracts')
    .select('piid')
    .where((eb) => eb.or([eb('recipientId', '=', id), eb('buyerId', '=', id), eb('fundingOfficeId', '=', id)]))
    .orderBy('piid')
    .execute();
  const contracts = await readContracts(db, piids.map((r) => r.piid));
  const parent = organization.parent ? (await partyRefs(db, [organization.parent])).get(organization.parent) ?? null : null;
  const family = await readCorporateFamily(db, id);
  const rolledUp = await readFamilyRollUp(db, family.members, {
    designationIds: new Set(designations.map((d) => d.id)),
    incidentIds: new Set(incidents.map((i) => i.id)),
    piids: new Set(contracts.map((c) => c.contract.piid)),
  });
  const cited = [
    ...organization.sources,
    ...relationships.flatMap((r) => r.relationship.sources),
    ...products.flatMap((p) => p.sources),
    ...designations.flatMap((d) => d.sources),
    ...incidents.flatMap((i) => i.sources),
    ...rolledUp.designations.flatMap((d) => d.item.sources),
    ...rolledUp.incidents.flatMap((i) => i.item.sources),
  ];
  const contractSources = [...contracts, ...rolledUp.contracts.map((c) => c.item)].map((c) => c.sources);
  const sources = { ...(await sourceSummaries(db, cited)), ...Object.assign({}, ...contractSources) };
  return {
    organization, parent, relationships, products, designations, timeline: designationTimeline(designations), incidents, contracts,
    family: family.members, familyTruncated: family.truncated, rolledUp, history: await historyOf(db, 'organization', id), sources,
  };
}

export async function readPerson(db: Kysely<Database>, id: string): Promise<PersonView | null> {
  const person = await getRecord(db, 'person', id);
  if (!person) return null;
  const relationships = await readRelationshipsOf(db, id);
  const designations = await readDesignationsOf(db, id);
  const sources = await sourceSummaries(db, [...person.sources, ...relationships.flatMap((r) => r.relationship.sources), ...designations.flatMap((d) => d.sources)]);
  return { person, relationships, designations, timeline: designationTimeline(designations), history: await historyOf(db, 'person', id), sources };
}

export async function readProduct(db: Kysely<Database>, id: string): Promise<ProductView | null> {
  const product = await getRecord(db, 'product', id);
  if (!product) return null;
  const vendor = (await partyRefs(db, [product.vendor])).get(product.vendor) ?? null;
  const incidents = await incidentsLinkedTo(db, [{ linkType: 'product', values: [id] }]);
  const sources = await sourceSummaries(db, [...product.sources, ...incidents.flatMap((i) => i.sources)]);
  return { product, vendor, incidents, history: await historyOf(db, 'product', id), sources };
}

export async function readIncident(db: Kysely<Database>, id: string): Promise<IncidentView | null> {
  const incident = await getRecord(db, 'incident', id);
  if (!incident) return null;
  const products = [...(await productRefs(db, incident.products ?? [])).values()];
  const vendors = [...(await partyRefs(db, incident.vendors ?? [])).values()];
  return { incident, products, vendors, history: await historyOf(db, 'incident', id), sources: await sourceSummaries(db, incident.sources) };
}

export async function readSource(db: Kysely<Database>, id: string): Promise<SourceView | null> {
  const source = await getRecord(db, 'source', id);
  if (!source) return null;
  const citing = await db.selectFrom('factSources').select(['recordType', 'recordId']).where('sourceId', '=', id).orderBy('recordType').orderBy('recordId').execute();
  const citedBy: RecordRef[] = [];
  for (const { recordType, recordId } of citing) {
    const name = await displayName(db, recordType, recordId);
    if (name !== null && isRecordType(recordType)) citedBy.push({ type: recordType, id: recordId, name });
  }
  return { source, citedBy };
}

/** A human label for any record: its name, title, or a description built from its parts. */
export async function displayName(db: Kysely<Database>, type: string, id: string): Promise<string | null> {
  if (!isRecordType(type)) return null;
  const record = await getRecord(db, type, id);
  if (!record) return null;
  if ('name' in record) return record.name;
  if ('title' in record) return record.title;
  if ('piid' in record && !('event' in record)) return `Contract ${record.piid}`;
  if ('event' in record) return `${record.event} of contract ${record.piid}${record.date ? ` on ${record.date}` : ''}`;
  if ('subject' in record) {
    const subject = (await partyRefs(db, [record.subject])).get(record.subject);
    return `${subject?.name ?? record.subject}: ${record.authority} ${record.list}, listed ${record.listed}`;
  }
  if ('from' in record) {
    const parties = await partyRefs(db, [record.from, record.to]);
    return `${parties.get(record.from)?.name ?? record.from} ${record.type} ${parties.get(record.to)?.name ?? record.to}`;
  }
  return id;
}
