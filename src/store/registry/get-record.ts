import type { Kysely } from 'kysely';
import type { RecordType } from '../../registry/schemas/common.js';
import { STORED_RECORD_SCHEMAS } from '../../registry/stored-record-schemas.js';
import type { RecordShapes } from '../../registry/registry-record.js';
import { canonicalRecord } from '../../registry/registry-record.js';
import type { Database } from '../schema.js';

/** Drops null columns so the rebuilt record has the same optional fields as the one written. */
function defined(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (v !== null) out[k] = v;
  return canonicalRecord(out);
}

async function sourcesOf(db: Kysely<Database>, type: RecordType, key: string): Promise<string[]> {
  const rows = await db.selectFrom('factSources').select('sourceId').where('recordType', '=', type).where('recordId', '=', key).orderBy('sourceId').execute();
  return rows.map((r) => r.sourceId);
}

/** What screened rows said of a contract or transaction, in the order they were recorded (null when none). */
async function screenedOf(db: Kysely<Database>, type: RecordType, key: string): Promise<unknown[] | null> {
  const rows = await db.selectFrom('screenedObservations').select('data').where('recordType', '=', type).where('recordId', '=', key).orderBy('position').execute();
  return rows.length === 0 ? null : rows.map((r): unknown => JSON.parse(r.data));
}

async function namesOf(db: Kysely<Database>, type: RecordType, key: string) {
  return db.selectFrom('recordNames').select(['name', 'kind', 'until']).where('recordType', '=', type).where('recordId', '=', key).orderBy('kind').orderBy('position').execute();
}

/**
 * Rebuilds a record from its rows, in canonical form, so it compares equal to the record that was
 * written. Source lists come back sorted; writers sort them too.
 */
export async function getRecord<T extends RecordType>(db: Kysely<Database>, type: T, key: string): Promise<RecordShapes[T] | null> {
  const row = await loadRow(db, type, key);
  if (row === null) return null;
  const parsed = STORED_RECORD_SCHEMAS[type].safeParse(row);
  if (!parsed.success) throw new Error(`stored ${type} ${key} does not match its schema: ${parsed.error.message}`);
  // STORED_RECORD_SCHEMAS[type] parses exactly RecordShapes[T]; TypeScript cannot narrow the
  // generic lookup, hence the one cast.
  return parsed.data as RecordShapes[T];
}

async function loadRow(db: Kysely<Database>, type: RecordType, key: string): Promise<Record<string, unknown> | null> {
  const status = (s: string): string => s;
  switch (type) {
    case 'source': {
      const r = await db.selectFrom('sources').selectAll().where('id', '=', key).executeTakeFirst();
      if (!r) return null;
      return defined({
        id: r.id, title: r.title, publisher: r.publisher, date: r.date, url: r.url, file: r.file, sha256: r.sha256, citation: r.citation,
        documentNumber: r.documentNumber, noLinkReason: r.noLinkReason, licence: r.licence, notes: r.notes, status: status(r.status),
      });
    }
    case 'organization': {
      const r = await db.selectFrom('organizations').selectAll().where('id', '=', key).executeTakeFirst();
      if (!r) return null;
      const names = await namesOf(db, type, key);
      const ids = await db.selectFrom('recordIdentifiers').select(['scheme', 'value']).where('recordType', '=', type).where('recordId', '=', key).execute();
      const identifiers = Object.fromEntries(ids.map((i) => [i.scheme, i.value]));
      return defined({
        id: r.id, name: r.name, kind: r.kind, country: r.country, locality: r.locality,
        aliases: names.filter((n) => n.kind === 'alias').map((n) => n.name),
        formerNames: names.filter((n) => n.kind === 'former').map((n) => (n.until ? { name: n.name, until: n.until } : { name: n.name })),
        identifiers: ids.length > 0 ? identifiers : null,
        parent: r.parentId, notes: r.notes, sources: await sourcesOf(db, type, key), status: status(r.status),
      });
    }
    case 'person': {
      const r = await db.selectFrom('people').selectAll().where('id', '=', key).executeTakeFirst();
      if (!r) return null;
      const names = await namesOf(db, type, key);
      return defined({ id: r.id, name: r.name, aliases: names.map((n) => n.name), role: r.role, nationality: r.nationality, notes: r.notes, sources: await sourcesOf(db, type, key), status: status(r.status) });
    }
    case 'product': {
      const r = await db.selectFrom('products').selectAll().where('id', '=', key).executeTakeFirst();
      if (!r) return null;
      const names = await namesOf(db, type, key);
      const capabilities: unknown = JSON.parse(r.capabilities);
      return defined({
        id: r.id, name: r.name, vendor: r.vendorId, aliases: names.map((n) => n.name), capabilities: Array.isArray(capabilities) ? capabilities : [],
        notes: r.notes, sources: await sourcesOf(db, type, key), status: status(r.status),
      });
    }
    case 'relationship': {
      const r = await db.selectFrom('relationships').selectAll().where('id', '=', key).executeTakeFirst();
      if (!r) return null;
      return defined({ id: r.id, from: r.fromId, type: r.type, to: r.toId, date: r.startDate, end: r.endDate, asOf: r.asOf, stakePercent: r.stakePercent === null ? null : Number(r.stakePercent), stake: r.stake, notes: r.notes, sources: await sourcesOf(db, type, key), status: status(r.status) });
    }
    case 'designation': {
      const r = await db.selectFrom('designations').selectAll().where('id', '=', key).executeTakeFirst();
      if (!r) return null;
      return defined({
        id: r.id, subject: r.subjectId, authority: r.authority, list: r.list, listed: r.listedDate, delisted: r.delistedDate, reason: r.reason,
        delistingReason: r.delistingReason, sources: await sourcesOf(db, type, key), status: status(r.status),
      });
    }
    case 'incident': {
      const r = await db.selectFrom('incidents').selectAll().where('id', '=', key).executeTakeFirst();
      if (!r) return null;
      const links = await db.selectFrom('incidentLinks').select(['linkType', 'value']).where('incidentId', '=', key).execute();
      const of = (t: string) => links.filter((l) => l.linkType === t).map((l) => l.value).sort();
      return defined({
        id: r.id, title: r.title, summary: r.summary, date: r.date, countries: of('country'), targetCategories: of('target-category'),
        forensicConfirmation: r.forensicConfirmation, notes: r.notes, products: of('product'), vendors: of('vendor'), sources: await sourcesOf(db, type, key), status: status(r.status),
      });
    }
    case 'contract': {
      const r = await db.selectFrom('contracts').selectAll().where('piid', '=', key).executeTakeFirst();
      if (!r) return null;
      return defined({
        piid: r.piid, awardKey: r.awardKey, awardKeyNote: r.awardKeyNote, buyer: r.buyerId, fundingOffice: r.fundingOfficeId, recipient: r.recipientId,
        recipientUei: r.recipientUei, value: r.value === null ? null : Number(r.value), currency: r.currency, competition: r.competition, term: r.term,
        description: r.description, notes: r.notes, sources: await sourcesOf(db, type, key), status: status(r.status), screened: await screenedOf(db, type, key),
      });
    }
    case 'transaction': {
      const r = await db.selectFrom('contractTransactions').selectAll().where('id', '=', key).executeTakeFirst();
      if (!r) return null;
      return defined({
        id: r.id, piid: r.piid, event: r.event, date: r.date, modification: r.modification, transactionKey: r.transactionKey,
        amount: r.amount === null ? null : Number(r.amount), description: r.description, note: r.note, sources: await sourcesOf(db, type, key), status: status(r.status),
        screened: await screenedOf(db, type, key),
      });
    }
    case 'policy': {
      const r = await db.selectFrom('policies').selectAll().where('id', '=', key).executeTakeFirst();
      if (!r) return null;
      const details: unknown = JSON.parse(r.details);
      const signatories = typeof details === 'object' && details !== null && 'signatories' in details ? details.signatories : null;
      return defined({
        id: r.id, title: r.title, jurisdiction: r.jurisdiction, date: r.date, summary: r.summary, signatories: signatories ?? null, notes: r.notes,
        sources: await sourcesOf(db, type, key), status: status(r.status),
      });
    }
  }
}
