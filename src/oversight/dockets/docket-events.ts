import { z } from 'zod';
import { defineEvent, type EventDefinition } from '../../ledger/catalogue/event-definition.js';
import { DOCKET_STATUSES, proposalSchema, type DocketsTransaction } from './docket.js';

const text = z.string().max(20_000);
const status = z.enum(DOCKET_STATUSES);
const noticeSchema = z.strictObject({ publishedAt: z.string(), commentsCloseAt: z.string(), commentsCloseOn: z.string(), earliestUseOn: z.string().nullable(), hearingFromOn: z.string() });
const hearingSchema = z.strictObject({ heldOn: z.string(), summary: text.nullable(), documents: z.array(z.strictObject({ title: text, url: text.optional() })) });
const tallySchema = z.strictObject({ yes: z.number().int(), no: z.number().int(), abstain: z.number().int(), members: z.number().int() });
const decisionSchema = z.strictObject({
  outcome: z.enum(['approve', 'approve-with-conditions', 'reject']), conditions: z.array(text), note: text.nullable(), decidedAt: z.string(), beforeCommentsClosed: z.boolean(), tally: tallySchema,
});
const openedFields = { jurisdiction: z.string(), agency: z.string(), technology: text, product: z.string().nullable(), vendor: z.string().nullable(), title: text, proposal: proposalSchema };
export const findingFields = {
  finding: z.uuid(), jurisdiction: z.string(), agency: z.string(), technology: text, observedOn: z.string(), description: text, sources: z.array(z.string()),
};

/**
 * A docket step's entry data: the kernel's step fields (`docket`, `from`, `to`, `occurredAt`, as
 * `stepEventData` declares them) with the field named, so replays read it typed.
 */
function docketData<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject({ docket: z.string().min(1), from: z.string().optional(), to: z.string().optional(), occurredAt: z.string().optional(), ...shape });
}

/** The state a step's entry moved the docket to (every docket step's entry names it). */
function toState(data: { to?: string | undefined }): z.infer<typeof status> {
  return status.parse(data.to);
}

/**
 * The docket's log entries. Each carries what the public sees of the step, so `log replay`
 * rebuilds dockets, published comments, votes, reports and findings; a comment's text is sealed
 * until a clerk publishes it (then its entry carries the text), a commenter's contact for ever.
 */
export const docketEvents: readonly EventDefinition<unknown, DocketsTransaction>[] = [
  defineEvent({
    type: 'oversight.docket.opened', summary: 'An agency opened a community oversight docket: the technology, its impact report and use policy.', data: docketData(openedFields), sealed: [],
    replays: 'adds the docket',
    async replay(data, meta, tx) {
      await tx.dockets.insertDocket({
        id: data.docket, jurisdiction: data.jurisdiction, agency: data.agency, technology: data.technology, product: data.product, vendor: data.vendor, title: data.title, status: toState(data), proposal: data.proposal,
        openedBy: meta.actor, openedAt: meta.time, notice: null, hearing: null, decision: null, reportDueOn: null, expiresOn: null, renewedAt: null,
      });
    },
  }),
  defineEvent({
    type: 'oversight.docket.proposal-revised', summary: 'The agency revised its proposal before notice.', data: docketData({ proposal: proposalSchema, title: text }), sealed: [],
    replays: 'replaces the proposal and title',
    async replay(data, _meta, tx) {
      await tx.dockets.updateDocket(data.docket, { proposal: data.proposal, title: data.title, status: toState(data) });
    },
  }),
  defineEvent({
    type: 'oversight.docket.notice-published', summary: 'The board published notice: the comment period runs by the jurisdiction\'s rules.', data: docketData({ notice: noticeSchema }), sealed: [],
    replays: 'sets the notice and its dates',
    async replay(data, _meta, tx) {
      await tx.dockets.updateDocket(data.docket, { notice: data.notice, status: toState(data) });
    },
  }),
  defineEvent({ type: 'oversight.docket.comment-submitted', summary: 'Someone commented (text and contact sealed until moderation; the contact for ever).', data: docketData({ comment: z.uuid() }), sealed: ['text', 'contact'] }),
  defineEvent({
    type: 'oversight.docket.comment-moderated', summary: 'The clerk published a comment (its text in this entry) or rejected it (it stays sealed).',
    data: docketData({ comment: z.uuid(), decision: z.enum(['published', 'rejected']), text: text.optional(), submittedAt: z.string().optional() }), sealed: [],
    replays: 'adds the published comment',
    async replay(data, meta, tx) {
      if (data.decision !== 'published') return;
      if (data.text === undefined || data.submittedAt === undefined) throw new Error(`published comment ${data.comment} has no text or submission time in its entry`);
      await tx.dockets.insertPublishedComment({ id: data.comment, docketId: data.docket, text: data.text, submittedAt: data.submittedAt, moderatedAt: meta.time, moderatedBy: meta.actor });
    },
  }),
  defineEvent({
    type: 'oversight.docket.hearing-held', summary: 'The board held its hearing, with its documents.', data: docketData({ hearing: hearingSchema, shortNotice: z.boolean() }), sealed: [],
    replays: 'sets the hearing',
    async replay(data, _meta, tx) {
      await tx.dockets.updateDocket(data.docket, { hearing: data.hearing, status: toState(data) });
    },
  }),
  defineEvent({
    type: 'oversight.docket.vote-cast', summary: 'A board member voted, in public.', data: docketData({ member: z.string(), vote: z.enum(['yes', 'no', 'abstain']), note: text.nullable() }), sealed: [],
    replays: 'adds the vote',
    async replay(data, meta, tx) {
      await tx.dockets.insertVote({ docketId: data.docket, member: data.member, vote: data.vote, note: data.note, castAt: meta.time });
    },
  }),
  defineEvent({
    type: 'oversight.docket.decided', summary: 'The board decided: approve, approve with conditions, or reject, with the tally.', data: docketData({ decision: decisionSchema, reportDueOn: z.string().nullable(), expiresOn: z.string().nullable() }), sealed: [],
    replays: 'sets the decision and the first report due',
    async replay(data, _meta, tx) {
      await tx.dockets.updateDocket(data.docket, { decision: data.decision, reportDueOn: data.reportDueOn, expiresOn: data.expiresOn, status: toState(data) });
      if (data.reportDueOn) await tx.dockets.insertReport(data.docket, data.reportDueOn);
    },
  }),
  defineEvent({
    type: 'oversight.docket.report-filed', summary: 'The agency filed its annual surveillance report; the next falls due.', data: docketData({ dueOn: z.string(), late: z.boolean(), sections: z.record(z.string(), text), nextDueOn: z.string() }), sealed: [],
    replays: 'files the report and adds the next period',
    async replay(data, meta, tx) {
      await tx.dockets.fileReport(data.docket, data.dueOn, { filedAt: meta.time, late: data.late, sections: data.sections });
      await tx.dockets.insertReport(data.docket, data.nextDueOn);
      await tx.dockets.updateDocket(data.docket, { reportDueOn: data.nextDueOn });
    },
  }),
  defineEvent({
    type: 'oversight.docket.report-overdue', summary: 'An annual surveillance report\'s due day passed unfiled: flagged overdue.', data: docketData({ dueOn: z.string() }), sealed: [],
    replays: 'flags the report overdue',
    async replay(data, _meta, tx) {
      await tx.dockets.markReportOverdue(data.docket, data.dueOn);
    },
  }),
  defineEvent({
    type: 'oversight.docket.renewed', summary: 'The board renewed an approval to a new expiry date.', data: docketData({ expiresOn: z.string(), note: text.nullable() }), sealed: [],
    replays: 'sets the new expiry',
    async replay(data, meta, tx) {
      await tx.dockets.updateDocket(data.docket, { expiresOn: data.expiresOn, renewedAt: meta.time, status: toState(data) });
    },
  }),
  defineEvent({
    type: 'oversight.docket.expired', summary: 'An approval lapsed unrenewed.', data: docketData({}), sealed: [],
    replays: 'marks the docket expired',
    async replay(data, _meta, tx) {
      await tx.dockets.updateDocket(data.docket, { status: toState(data) });
    },
  }),
  defineEvent({
    type: 'oversight.docket.finding-recorded', summary: 'A use of a technology with no approved docket in that jurisdiction: a public finding.', data: z.strictObject(findingFields), sealed: [],
    replays: 'adds the finding',
    async replay(data, meta, tx) {
      await tx.dockets.insertFinding({ id: data.finding, jurisdiction: data.jurisdiction, agency: data.agency, technology: data.technology, observedOn: data.observedOn, description: data.description, sources: data.sources, recordedAt: meta.time, recordedBy: meta.actor });
    },
  }),
];
