import { sql, type Kysely } from 'kysely';
import type { DisclosureRequest, Outcome, RequestDocument } from '../../../disclosure/requests/disclosure-request.js';
import { jurisdictionOf } from '../../../disclosure/requests/jurisdictions.js';
import { daysElapsed } from '../../../disclosure/requests/request-clock.js';
import type { Deadline } from '../../../kernel/deadlines/deadline.js';
import { deadlinesOfCase } from '../../kernel/kysely-deadline-store.js';
import type { Database } from '../../schema.js';
import { documentFromRow, requestFromRow } from './kysely-request-store.js';

/** Which requests to list: filed ones (public), and a requester's own drafts when `ownerUserId` is given. */
export interface RequestListFilter {
  readonly agencyId?: string | undefined;
  readonly status?: string | undefined;
  readonly ownerUserId?: string | null | undefined;
  readonly limit: number;
  readonly offset: number;
}

/** Filed requests, newest first; with `ownerUserId`, only that requester's (drafts included). */
export async function listRequests(db: Kysely<Database>, filter: RequestListFilter): Promise<{ items: DisclosureRequest[]; total: number }> {
  let query = db.selectFrom('disclosureRequests');
  if (filter.ownerUserId) query = query.where('requesterUserId', '=', filter.ownerUserId);
  else query = query.where('receivedAt', 'is not', null);
  if (filter.agencyId) query = query.where('agencyId', '=', filter.agencyId);
  if (filter.status) query = query.where('status', '=', filter.status);
  const rows = await query.selectAll().orderBy('createdAt', 'desc').orderBy('id').limit(filter.limit).offset(filter.offset).execute();
  const { n } = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return { items: rows.map(requestFromRow), total: Number(n) };
}

/** What journalists quote about an agency: how many requests, how fast it answers, how often late, with what outcome. */
export interface AgencyStatistics {
  readonly agencyId: string;
  readonly agencyName: string;
  readonly filed: number;
  readonly open: number;
  readonly overdue: number;
  readonly outcomes: Readonly<Record<Outcome, number>>;
  /** Days (business days under FOIA and FOIL, calendar days under the CPRA) from receipt to determination. */
  readonly medianResponseDays: number | null;
  readonly averageResponseDays: number | null;
  readonly answeredLate: number;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  // The middle one, or the mean of the middle two: `slice` keeps the indexes checked without defaults.
  const middle = sorted.length % 2 === 1 ? sorted.slice(mid, mid + 1) : sorted.slice(mid - 1, mid + 1);
  return middle.reduce((sum, v) => sum + v, 0) / middle.length;
}

/** Statistics per agency over every filed request (all agencies, or one). */
export async function agencyStatistics(db: Kysely<Database>, agencyId?: string): Promise<AgencyStatistics[]> {
  let query = db.selectFrom('disclosureRequests').selectAll().where('receivedAt', 'is not', null);
  if (agencyId) query = query.where('agencyId', '=', agencyId);
  const byAgency = new Map<string, DisclosureRequest[]>();
  for (const request of (await query.execute()).map(requestFromRow)) byAgency.set(request.agencyId, [...(byAgency.get(request.agencyId) ?? []), request]);
  return [...byAgency].map(([id, requests]) => {
    const outcomes: Record<Outcome, number> = { done: 0, partial: 0, rejected: 0, 'no-documents': 0 };
    const days: number[] = [];
    let answeredLate = 0;
    for (const r of requests) {
      if (!r.determination || !r.receivedAt) continue;
      outcomes[r.determination.outcome] += 1;
      const jurisdiction = jurisdictionOf(r.jurisdiction);
      days.push(daysElapsed(jurisdiction, jurisdiction.response, r.receivedAt, r.determination.date));
      if (r.dueDate !== null && r.determination.date > r.dueDate) answeredLate += 1;
    }
    const open = requests.filter((r) => ['submitted', 'acknowledged', 'processing', 'fix-required', 'payment-required', 'appealing', 'litigation'].includes(r.status)).length;
    return {
      agencyId: id, agencyName: requests[0]?.agencyName ?? id, filed: requests.length, open, overdue: requests.filter((r) => r.overdue).length, outcomes,
      medianResponseDays: median(days), averageResponseDays: days.length === 0 ? null : Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10, answeredLate,
    };
  }).sort((a, b) => b.filed - a.filed || (a.agencyId < b.agencyId ? -1 : 1));
}

/** A published document whose text matches, with a snippet around the match. */
export interface DocumentHit {
  readonly document: RequestDocument;
  readonly snippet: string;
}

/** Full-text search over published documents only (embargoed text never answers a search). */
export async function searchPublishedDocuments(db: Kysely<Database>, q: string, limit: number): Promise<DocumentHit[]> {
  const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db.selectFrom('disclosureDocuments').innerJoin('disclosureDocumentContents', 'disclosureDocumentContents.documentId', 'disclosureDocuments.id')
    .selectAll('disclosureDocuments').select('disclosureDocumentContents.text')
    .where('disclosureDocuments.publishedAt', 'is not', null)
    .where(sql<boolean>`lower(${sql.ref('disclosureDocumentContents.text')}) like ${pattern} escape '\\'`)
    .orderBy('disclosureDocuments.uploadedAt', 'desc').limit(limit).execute();
  return rows.map(({ text, ...row }) => {
    const at = text.toLowerCase().indexOf(q.toLowerCase());
    return { document: documentFromRow(row), snippet: text.slice(Math.max(0, at - 80), at + q.length + 80).replace(/\s+/g, ' ').trim() };
  });
}

/** A document's stored bytes and text, if this copy has them (a replayed copy holds only the metadata). */
export async function documentContent(db: Kysely<Database>, id: string): Promise<{ content: Uint8Array; text: string } | null> {
  const row = await db.selectFrom('disclosureDocumentContents').select(['content', 'text']).where('documentId', '=', id).executeTakeFirst();
  return row ? { content: new Uint8Array(row.content), text: row.text } : null;
}

/** Every deadline of every filed request, for one calendar feed. */
export async function filedRequestDeadlines(db: Kysely<Database>): Promise<Deadline[]> {
  const ids = await db.selectFrom('disclosureRequests').select('id').where('receivedAt', 'is not', null).execute();
  const all: Deadline[] = [];
  for (const { id } of ids) all.push(...(await deadlinesOfCase(db, 'disclosure-request', id)));
  return all;
}
