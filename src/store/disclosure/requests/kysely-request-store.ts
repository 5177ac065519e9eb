import type { Kysely } from 'kysely';
import { DRAFT_SUBJECT_KINDS } from '../../../disclosure/requests/draft-subject.js';
import {
  MESSAGE_KINDS, OUTCOMES, REQUEST_STATUSES,
  type DisclosureRequest, type DisclosureRequestStore, type PublicRequestRestore, type RequestChanges, type RequestDocument, type RequestMessage, type TrackingNumber,
} from '../../../disclosure/requests/disclosure-request.js';
import { JURISDICTION_IDS } from '../../../disclosure/requests/jurisdictions.js';
import { indexRequestDocument } from '../../search/request-document-index.js';
import type { Database } from '../../schema.js';
import type { DisclosureDocumentTable, DisclosureRequestMessageTable, DisclosureRequestTable } from './request-tables.js';

function oneOf<T extends string>(values: readonly T[], value: string, what: string): T {
  const found = values.find((v) => v === value);
  if (found === undefined) throw new Error(`a stored ${what} is "${value}", which is not one of ${values.join(', ')}`);
  return found;
}

/** A row as the domain reads it. */
export function requestFromRow(row: DisclosureRequestTable): DisclosureRequest {
  return {
    id: row.id, status: oneOf(REQUEST_STATUSES, row.status, 'request status'), requesterUserId: row.requesterUserId, requesterName: row.requesterName,
    jurisdiction: oneOf(JURISDICTION_IDS, row.jurisdiction, 'jurisdiction'), agencyId: row.agencyId, agencyName: row.agencyName, addressee: row.addressee,
    subjectKind: oneOf(DRAFT_SUBJECT_KINDS, row.subjectKind, 'subject kind'), subjectId: row.subjectId, piid: row.piid, awardKey: row.awardKey, title: row.title, letter: row.letter,
    expedited: row.expedited === 1, createdAt: row.createdAt, receivedAt: row.receivedAt, dueDate: row.dueDate, daysAllowed: row.daysAllowed === null ? null : Number(row.daysAllowed),
    daysUsed: Number(row.daysUsed), clockRunningSince: row.clockRunningSince, extended: row.extended === 1, overdue: row.overdue === 1,
    determination: row.outcome !== null && row.determinedOn !== null ? { outcome: oneOf(OUTCOMES, row.outcome, 'outcome'), date: row.determinedOn, note: row.determinationNote } : null,
    feeAmount: row.feeAmount === null ? null : Number(row.feeAmount), feePaidAt: row.feePaidAt, closedAt: row.closedAt,
  };
}

function rowOf(changes: RequestChanges): Partial<DisclosureRequestTable> {
  const { determination, expedited, extended, overdue, ...plain } = changes;
  return {
    ...plain,
    ...(expedited !== undefined ? { expedited: expedited ? 1 : 0 } : {}),
    ...(extended !== undefined ? { extended: extended ? 1 : 0 } : {}),
    ...(overdue !== undefined ? { overdue: overdue ? 1 : 0 } : {}),
    ...(determination !== undefined ? { outcome: determination?.outcome ?? null, determinedOn: determination?.date ?? null, determinationNote: determination?.note ?? null } : {}),
  };
}

export function documentFromRow(row: DisclosureDocumentTable): RequestDocument {
  return { ...row, size: Number(row.size), pages: row.pages === null ? null : Number(row.pages), embargoExtended: row.embargoExtended === 1 };
}

function messageFromRow(row: DisclosureRequestMessageTable): RequestMessage {
  return { ...row, direction: oneOf(['sent', 'received', 'draft'] as const, row.direction, 'message direction'), kind: oneOf(MESSAGE_KINDS, row.kind, 'message kind') };
}

function documentRow(d: RequestDocument): DisclosureDocumentTable {
  return { ...d, embargoExtended: d.embargoExtended ? 1 : 0 };
}

/** Records requests over Kysely (SQLite and PostgreSQL). */
export class KyselyRequestStore implements DisclosureRequestStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insert(request: DisclosureRequest): Promise<void> {
    const { id, status, requesterUserId, createdAt, ...rest } = request;
    await this.#db.insertInto('disclosureRequests').values({ id, status, requesterUserId, createdAt, outcome: null, determinedOn: null, determinationNote: null, ...rowOf(rest), requesterName: rest.requesterName, jurisdiction: rest.jurisdiction, agencyId: rest.agencyId, agencyName: rest.agencyName, addressee: rest.addressee, subjectKind: rest.subjectKind, subjectId: rest.subjectId, title: rest.title, letter: rest.letter, expedited: rest.expedited ? 1 : 0, daysUsed: rest.daysUsed, extended: rest.extended ? 1 : 0, overdue: rest.overdue ? 1 : 0 }).execute();
  }

  async get(id: string): Promise<DisclosureRequest | null> {
    const row = await this.#db.selectFrom('disclosureRequests').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? requestFromRow(row) : null;
  }

  async update(id: string, changes: RequestChanges): Promise<void> {
    const set = rowOf(changes);
    if (Object.keys(set).length > 0) await this.#db.updateTable('disclosureRequests').set(set).where('id', '=', id).execute();
  }

  async addTrackingNumber(tracking: TrackingNumber): Promise<boolean> {
    const exists = await this.#db.selectFrom('disclosureRequestTracking').select('number').where('requestId', '=', tracking.requestId).where('number', '=', tracking.number).executeTakeFirst();
    if (exists) return false;
    await this.#db.insertInto('disclosureRequestTracking').values({ ...tracking }).execute();
    return true;
  }

  async trackingNumbers(requestId: string): Promise<TrackingNumber[]> {
    return this.#db.selectFrom('disclosureRequestTracking').selectAll().where('requestId', '=', requestId).orderBy('addedAt').orderBy('number').execute();
  }

  async addMessage(message: RequestMessage): Promise<void> {
    await this.#db.insertInto('disclosureRequestMessages').values({ ...message }).execute();
  }

  async messages(requestId: string): Promise<RequestMessage[]> {
    const rows = await this.#db.selectFrom('disclosureRequestMessages').selectAll().where('requestId', '=', requestId).orderBy('createdAt').orderBy('id').execute();
    return rows.map(messageFromRow);
  }

  async addDocument(document: RequestDocument, content: Uint8Array, text: string): Promise<void> {
    await this.#db.insertInto('disclosureDocuments').values(documentRow(document)).execute();
    await this.#db.insertInto('disclosureDocumentContents').values({ documentId: document.id, content, text }).execute();
  }

  async documents(requestId: string): Promise<RequestDocument[]> {
    const rows = await this.#db.selectFrom('disclosureDocuments').selectAll().where('requestId', '=', requestId).orderBy('uploadedAt').orderBy('id').execute();
    return rows.map(documentFromRow);
  }

  async document(id: string): Promise<RequestDocument | null> {
    const row = await this.#db.selectFrom('disclosureDocuments').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? documentFromRow(row) : null;
  }

  async updateDocument(id: string, changes: Partial<Pick<RequestDocument, 'embargoUntil' | 'embargoExtended' | 'noticeSentAt' | 'publishedAt'>>): Promise<void> {
    const { embargoExtended, ...plain } = changes;
    await this.#db.updateTable('disclosureDocuments').set({ ...plain, ...(embargoExtended !== undefined ? { embargoExtended: embargoExtended ? 1 : 0 } : {}) }).where('id', '=', id).execute();
    // Published: its public metadata becomes findable in the site search.
    if (changes.publishedAt !== undefined) await indexRequestDocument(this.#db, id);
  }

  async restorePublic({ request, tracking, documents, message }: PublicRequestRestore): Promise<void> {
    await this.#db.deleteFrom('disclosureRequests').where('id', '=', request.id).execute();
    await this.insert(request);
    await this.#db.deleteFrom('disclosureRequestTracking').where('requestId', '=', request.id).execute();
    for (const t of tracking) await this.#db.insertInto('disclosureRequestTracking').values({ ...t }).execute();
    for (const d of documents) {
      await this.#db.deleteFrom('disclosureDocuments').where('id', '=', d.id).execute();
      await this.#db.insertInto('disclosureDocuments').values(documentRow(d)).execute();
      await indexRequestDocument(this.#db, d.id);
    }
    if (message) await this.addMessage(message);
  }
}
