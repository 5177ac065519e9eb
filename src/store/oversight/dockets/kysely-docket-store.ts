import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DOCKET_STATUSES, proposalSchema, type CommentStatus, type Docket, type DocketComment, type DocketDecision, type DocketFinding, type DocketHearing, type DocketNotice, type DocketStore, type DocketVote, type ReportStatus } from '../../../oversight/dockets/docket.js';
import type { DocketReport } from '../../../oversight/dockets/docket.js';
import type { Database } from '../../schema.js';

const noticeSchema = z.object({ publishedAt: z.string(), commentsCloseAt: z.string(), commentsCloseOn: z.string(), earliestUseOn: z.string().nullable(), hearingFromOn: z.string() });
const hearingSchema = z.object({ heldOn: z.string(), summary: z.string().nullable(), documents: z.array(z.object({ title: z.string(), url: z.string().optional() })) });
const decisionSchema = z.object({
  outcome: z.enum(['approve', 'approve-with-conditions', 'reject']), conditions: z.array(z.string()), note: z.string().nullable(), decidedAt: z.string(), beforeCommentsClosed: z.boolean(),
  tally: z.object({ yes: z.number(), no: z.number(), abstain: z.number(), members: z.number() }),
});
const statusSchema = z.enum(DOCKET_STATUSES);
const COMMENT_STATUSES: readonly CommentStatus[] = ['pending', 'published', 'rejected'];
const REPORT_STATUSES: readonly ReportStatus[] = ['due', 'overdue', 'filed'];

/** JSON text of a column, or null. */
const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

function parsed<T>(schema: z.ZodType<T>, text: string | null, what: string): T | null {
  if (text === null) return null;
  const result = schema.safeParse(JSON.parse(text));
  if (!result.success) throw new Error(`stored ${what} does not parse: ${result.error.issues[0]?.message ?? ''}`);
  return result.data;
}

/** A docket row as the domain reads it. */
export function docketOf(row: Database['dockets']): Docket {
  const status = statusSchema.safeParse(row.status);
  if (!status.success) throw new Error(`docket ${row.id} has an unknown status "${row.status}"`);
  const proposal = parsed(proposalSchema, row.proposal, `proposal of docket ${row.id}`);
  if (proposal === null) throw new Error(`docket ${row.id} has no proposal`);
  return {
    id: row.id, jurisdiction: row.jurisdiction, agency: row.agency, technology: row.technology, product: row.product, vendor: row.vendor, title: row.title, status: status.data, proposal,
    openedBy: row.openedBy, openedAt: row.openedAt,
    notice: parsed<DocketNotice>(noticeSchema, row.notice, `notice of docket ${row.id}`),
    hearing: parsed<DocketHearing>(hearingSchema, row.hearing, `hearing of docket ${row.id}`),
    decision: parsed<DocketDecision>(decisionSchema, row.decision, `decision of docket ${row.id}`),
    reportDueOn: row.reportDueOn, expiresOn: row.expiresOn, renewedAt: row.renewedAt,
  };
}

export function reportOf(row: Database['docketReports']): DocketReport {
  const status = REPORT_STATUSES.find((s) => s === row.status);
  if (!status) throw new Error(`report ${row.docketId}/${row.dueOn} has an unknown status "${row.status}"`);
  return { docketId: row.docketId, dueOn: row.dueOn, status, filedAt: row.filedAt, late: Number(row.late) === 1, sections: parsed(z.record(z.string(), z.string()), row.sections, 'report sections') };
}

export function voteOf(row: Database['docketVotes']): DocketVote {
  const vote = (['yes', 'no', 'abstain'] as const).find((v) => v === row.vote);
  if (!vote) throw new Error(`vote of ${row.member} on ${row.docketId} is "${row.vote}"`);
  return { docketId: row.docketId, member: row.member, vote, note: row.note, castAt: row.castAt };
}

export function findingOf(row: Database['docketFindings']): DocketFinding {
  const sources = parsed(z.array(z.string()), row.sources, `sources of finding ${row.id}`) ?? [];
  return { id: row.id, jurisdiction: row.jurisdiction, agency: row.agency, technology: row.technology, observedOn: row.observedOn, description: row.description, sources, recordedAt: row.recordedAt, recordedBy: row.recordedBy };
}

/** Dockets over Kysely: JSON columns for the proposal, notice, hearing and decision; sealed comment text read from the seal store. */
export class KyselyDocketStore implements DocketStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insertDocket(d: Docket): Promise<void> {
    await this.#db.insertInto('dockets').values({
      id: d.id, jurisdiction: d.jurisdiction, agency: d.agency, technology: d.technology, product: d.product, vendor: d.vendor, title: d.title, status: d.status,
      proposal: JSON.stringify(d.proposal), openedBy: d.openedBy, openedAt: d.openedAt, notice: json(d.notice), hearing: json(d.hearing), decision: json(d.decision),
      reportDueOn: d.reportDueOn, expiresOn: d.expiresOn, renewedAt: d.renewedAt,
    }).execute();
  }

  async getDocket(id: string): Promise<Docket | null> {
    const row = await this.#db.selectFrom('dockets').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? docketOf(row) : null;
  }

  async updateDocket(id: string, changes: Parameters<DocketStore['updateDocket']>[1]): Promise<void> {
    const set: Partial<Database['dockets']> = {};
    if (changes.status !== undefined) set.status = changes.status;
    if (changes.title !== undefined) set.title = changes.title;
    if (changes.proposal !== undefined) set.proposal = JSON.stringify(changes.proposal);
    if (changes.notice !== undefined) set.notice = json(changes.notice);
    if (changes.hearing !== undefined) set.hearing = json(changes.hearing);
    if (changes.decision !== undefined) set.decision = json(changes.decision);
    if (changes.reportDueOn !== undefined) set.reportDueOn = changes.reportDueOn;
    if (changes.expiresOn !== undefined) set.expiresOn = changes.expiresOn;
    if (changes.renewedAt !== undefined) set.renewedAt = changes.renewedAt;
    if (Object.keys(set).length === 0) return;
    await this.#db.updateTable('dockets').set(set).where('id', '=', id).execute();
  }

  async approvedDocketFor(jurisdiction: string, technology: string): Promise<Docket | null> {
    const row = await this.#db.selectFrom('dockets').selectAll().where('jurisdiction', '=', jurisdiction).where('technology', '=', technology).where('status', 'in', ['approved', 'approved-with-conditions']).orderBy('openedAt', 'desc').executeTakeFirst();
    return row ? docketOf(row) : null;
  }

  async insertComment(c: { id: string; docketId: string; textRef: string | null; contactRef: string | null; submittedAt: string }): Promise<void> {
    await this.#db.insertInto('docketComments').values({ ...c, status: 'pending', text: null, moderatedAt: null, moderatedBy: null, publishedEntryId: null }).execute();
  }

  async getComment(id: string): Promise<DocketComment | null> {
    const row = await this.#db.selectFrom('docketComments').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const status = COMMENT_STATUSES.find((s) => s === row.status);
    if (!status) throw new Error(`comment ${row.id} has an unknown status "${row.status}"`);
    let text = row.text;
    if (text === null && row.textRef !== null) {
      const sealed = await this.#db.selectFrom('sealedValues').select('value').where('id', '=', row.textRef).executeTakeFirst();
      const value: unknown = sealed ? JSON.parse(sealed.value) : null;
      text = typeof value === 'string' ? value : null;
    }
    return { id: row.id, docketId: row.docketId, status, text, submittedAt: row.submittedAt, moderatedAt: row.moderatedAt, publishedEntryId: row.publishedEntryId === null ? null : Number(row.publishedEntryId) };
  }

  async moderateComment(id: string, m: { status: 'published' | 'rejected'; text: string | null; moderatedAt: string; moderatedBy: string }): Promise<void> {
    await this.#db.updateTable('docketComments').set({ status: m.status, text: m.text, moderatedAt: m.moderatedAt, moderatedBy: m.moderatedBy }).where('id', '=', id).execute();
  }

  async insertPublishedComment(c: { id: string; docketId: string; text: string; submittedAt: string; moderatedAt: string; moderatedBy: string }): Promise<void> {
    await this.#db.insertInto('docketComments').values({ ...c, status: 'published', textRef: null, contactRef: null, publishedEntryId: null }).execute();
  }

  async setPublishedEntry(id: string, entryId: number): Promise<void> {
    await this.#db.updateTable('docketComments').set({ publishedEntryId: entryId }).where('id', '=', id).execute();
  }

  async insertVote(vote: DocketVote): Promise<void> {
    await this.#db.insertInto('docketVotes').values({ ...vote }).execute();
  }

  async votesOf(docketId: string): Promise<DocketVote[]> {
    return (await this.#db.selectFrom('docketVotes').selectAll().where('docketId', '=', docketId).orderBy('castAt').orderBy('member').execute()).map(voteOf);
  }

  async insertReport(docketId: string, dueOn: string): Promise<void> {
    await this.#db.insertInto('docketReports').values({ docketId, dueOn, status: 'due', filedAt: null, late: 0, sections: null }).execute();
  }

  async markReportOverdue(docketId: string, dueOn: string): Promise<void> {
    await this.#db.updateTable('docketReports').set({ status: 'overdue' }).where('docketId', '=', docketId).where('dueOn', '=', dueOn).where('status', '=', 'due').execute();
  }

  async fileReport(docketId: string, dueOn: string, filing: { filedAt: string; late: boolean; sections: Readonly<Record<string, string>> }): Promise<void> {
    await this.#db.updateTable('docketReports').set({ status: 'filed', filedAt: filing.filedAt, late: filing.late ? 1 : 0, sections: JSON.stringify(filing.sections) }).where('docketId', '=', docketId).where('dueOn', '=', dueOn).execute();
  }

  async insertFinding(f: DocketFinding): Promise<void> {
    await this.#db.insertInto('docketFindings').values({ ...f, sources: JSON.stringify(f.sources) }).execute();
  }
}
