import type { Kysely } from 'kysely';
import type { RegistryRecord } from '../../registry/registry-record.js';
import { recordKey, recordSources } from '../../registry/registry-record.js';
import type { Database } from '../schema.js';
import { searchDocuments } from './search-documents.js';
import { subjectTypeOf } from './subject-type.js';

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

/**
 * Inserts or replaces one record and everything hanging off it (names, identifiers, incident
 * links, sources, search documents). Child rows are replaced wholesale, so the stored record is
 * exactly the one given.
 */
export async function putRecord(db: Kysely<Database>, entry: RegistryRecord, at: string): Promise<void> {
  const key = recordKey(entry);
  const stamps = { createdAt: at, updatedAt: at };
  await deleteChildren(db, entry.type, key);

  switch (entry.type) {
    case 'source': {
      const r = entry.record;
      const row = {
        id: r.id, title: r.title, publisher: orNull(r.publisher), date: orNull(r.date), url: orNull(r.url), file: orNull(r.file), sha256: orNull(r.sha256),
        citation: orNull(r.citation), documentNumber: orNull(r.documentNumber), noLinkReason: orNull(r.noLinkReason), licence: orNull(r.licence), notes: orNull(r.notes), status: r.status, ...stamps,
      };
      await db.insertInto('sources').values(row).onConflict((oc) => oc.column('id').doUpdateSet(updateOf(row))).execute();
      break;
    }
    case 'organization': {
      const r = entry.record;
      const row = { id: r.id, name: r.name, kind: r.kind, country: orNull(r.country), locality: orNull(r.locality), parentId: orNull(r.parent), notes: orNull(r.notes), status: r.status, ...stamps };
      await db.insertInto('organizations').values(row).onConflict((oc) => oc.column('id').doUpdateSet(updateOf(row))).execute();
      await insertNames(db, 'organization', r.id, [
        ...(r.aliases ?? []).map((name) => ({ name, kind: 'alias', until: null })),
        ...(r.formerNames ?? []).map((f) => ({ name: f.name, kind: 'former', until: orNull(f.until) })),
      ]);
      const identifiers = Object.entries(r.identifiers ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string');
      if (identifiers.length > 0) {
        await db.insertInto('recordIdentifiers').values(identifiers.map(([scheme, value]) => ({ recordType: 'organization', recordId: r.id, scheme, value }))).execute();
      }
      break;
    }
    case 'person': {
      const r = entry.record;
      const row = { id: r.id, name: r.name, role: orNull(r.role), nationality: orNull(r.nationality), notes: orNull(r.notes), status: r.status, ...stamps };
      await db.insertInto('people').values(row).onConflict((oc) => oc.column('id').doUpdateSet(updateOf(row))).execute();
      await insertNames(db, 'person', r.id, (r.aliases ?? []).map((name) => ({ name, kind: 'alias', until: null })));
      break;
    }
    case 'product': {
      const r = entry.record;
      const row = { id: r.id, name: r.name, vendorId: r.vendor, capabilities: JSON.stringify(r.capabilities), notes: orNull(r.notes), status: r.status, ...stamps };
      await db.insertInto('products').values(row).onConflict((oc) => oc.column('id').doUpdateSet(updateOf(row))).execute();
      await insertNames(db, 'product', r.id, (r.aliases ?? []).map((name) => ({ name, kind: 'alias', until: null })));
      break;
    }
    case 'relationship': {
      const r = entry.record;
      const row = {
        id: r.id, fromType: await subjectTypeOf(db, r.from), fromId: r.from, type: r.type, toType: await subjectTypeOf(db, r.to), toId: r.to,
        startDate: orNull(r.date), endDate: orNull(r.end), asOf: orNull(r.asOf), stakePercent: orNull(r.stakePercent), stake: orNull(r.stake), notes: orNull(r.notes), status: r.status, ...stamps,
      };
      await db.insertInto('relationships').values(row).onConflict((oc) => oc.column('id').doUpdateSet(updateOf(row))).execute();
      break;
    }
    case 'designation': {
      const r = entry.record;
      const row = {
        id: r.id, subjectType: await subjectTypeOf(db, r.subject), subjectId: r.subject, authority: r.authority, list: r.list, listedDate: r.listed,
        delistedDate: orNull(r.delisted), reason: orNull(r.reason), delistingReason: orNull(r.delistingReason), status: r.status, ...stamps,
      };
      await db.insertInto('designations').values(row).onConflict((oc) => oc.column('id').doUpdateSet(updateOf(row))).execute();
      break;
    }
    case 'incident': {
      const r = entry.record;
      const row = { id: r.id, title: r.title, summary: orNull(r.summary), date: orNull(r.date), forensicConfirmation: orNull(r.forensicConfirmation), notes: orNull(r.notes), status: r.status, ...stamps };
      await db.insertInto('incidents').values(row).onConflict((oc) => oc.column('id').doUpdateSet(updateOf(row))).execute();
      const links = [
        ...r.countries.map((value) => ({ linkType: 'country', value })),
        ...r.targetCategories.map((value) => ({ linkType: 'target-category', value })),
        ...(r.products ?? []).map((value) => ({ linkType: 'product', value })),
        ...(r.vendors ?? []).map((value) => ({ linkType: 'vendor', value })),
      ];
      if (links.length > 0) await db.insertInto('incidentLinks').values(links.map((l) => ({ incidentId: r.id, ...l }))).execute();
      break;
    }
    case 'contract': {
      const r = entry.record;
      const row = {
        piid: r.piid, awardKey: orNull(r.awardKey), buyerId: orNull(r.buyer), fundingOfficeId: orNull(r.fundingOffice), recipientId: orNull(r.recipient),
        recipientUei: orNull(r.recipientUei), value: orNull(r.value), currency: r.currency, competition: orNull(r.competition), term: orNull(r.term),
        description: orNull(r.description), notes: orNull(r.notes), awardKeyNote: orNull(r.awardKeyNote), status: r.status, ...stamps,
      };
      await db.insertInto('contracts').values(row).onConflict((oc) => oc.column('piid').doUpdateSet(updateOf(row))).execute();
      break;
    }
    case 'transaction': {
      const r = entry.record;
      const row = {
        id: r.id, piid: r.piid, transactionKey: orNull(r.transactionKey), modification: orNull(r.modification), event: r.event, date: orNull(r.date),
        amount: orNull(r.amount), description: orNull(r.description), note: orNull(r.note), status: r.status, ...stamps,
      };
      await db.insertInto('contractTransactions').values(row).onConflict((oc) => oc.column('id').doUpdateSet(updateOf(row))).execute();
      break;
    }
    case 'policy': {
      const r = entry.record;
      const row = {
        id: r.id, title: r.title, jurisdiction: orNull(r.jurisdiction), date: orNull(r.date), summary: orNull(r.summary), notes: orNull(r.notes),
        details: JSON.stringify({ signatories: r.signatories }), status: r.status, ...stamps,
      };
      await db.insertInto('policies').values(row).onConflict((oc) => oc.column('id').doUpdateSet(updateOf(row))).execute();
      break;
    }
  }

  if ((entry.type === 'contract' || entry.type === 'transaction') && entry.record.screened !== undefined && entry.record.screened.length > 0) {
    await db.insertInto('screenedObservations').values(entry.record.screened.map((o, position) => ({ recordType: entry.type, recordId: key, position, data: JSON.stringify(o) }))).execute();
  }
  const sources = [...new Set(recordSources(entry))];
  if (sources.length > 0) {
    await db.insertInto('factSources').values(sources.map((sourceId) => ({ recordType: entry.type, recordId: key, sourceId }))).execute();
  }
  const docs = searchDocuments(entry);
  if (docs.length > 0) {
    await db.insertInto('searchDocuments').values(docs.map((d) => ({ recordType: entry.type, recordId: key, field: d.field, content: d.content }))).execute();
  }
}

/** The columns an upsert overwrites: everything but the creation time. */
function updateOf<R extends { createdAt: string }>(row: R): Omit<R, 'createdAt'> {
  const { createdAt: _createdAt, ...rest } = row;
  return rest;
}

async function deleteChildren(db: Kysely<Database>, type: RegistryRecord['type'], key: string): Promise<void> {
  await db.deleteFrom('recordNames').where('recordType', '=', type).where('recordId', '=', key).execute();
  await db.deleteFrom('recordIdentifiers').where('recordType', '=', type).where('recordId', '=', key).execute();
  await db.deleteFrom('factSources').where('recordType', '=', type).where('recordId', '=', key).execute();
  await db.deleteFrom('searchDocuments').where('recordType', '=', type).where('recordId', '=', key).execute();
  if (type === 'contract' || type === 'transaction') await db.deleteFrom('screenedObservations').where('recordType', '=', type).where('recordId', '=', key).execute();
  if (type === 'incident') await db.deleteFrom('incidentLinks').where('incidentId', '=', key).execute();
}

async function insertNames(db: Kysely<Database>, recordType: string, recordId: string, names: { name: string; kind: string; until: string | null }[]): Promise<void> {
  const unique = names.filter((n, i) => names.findIndex((m) => m.name === n.name && m.kind === n.kind) === i);
  if (unique.length === 0) return;
  await db.insertInto('recordNames').values(unique.map((n, position) => ({ recordType, recordId, position, ...n }))).execute();
}
