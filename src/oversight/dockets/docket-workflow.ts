import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { anyone, scoped, systemOnly } from '../../accounts/policy.js';
import { agencyOfficer, boardClerk, presetOf, selfLoop } from './docket-rules.js';
import { CommandError } from '../../core/command-error.js';
import { toJsonObject } from '../../core/json-value.js';
import { stepsFor, type StepArgs, type Workflow } from '../../kernel/workflow/workflow.js';
import { APPROVED_STATUSES, DOCKET_STATUSES, proposalSchema, type Docket, type DocketsTransaction } from './docket.js';
import { fileReportStep, flagReportOverdueStep, reportDeadline } from './docket-report-steps.js';
import { calendarOf, localDay, noticeDates } from './docket-dates.js';
import { decideStep, expiryDue, expiryRule, EXPIRY_KIND } from './docket-decision-step.js';
import { dueInCalendarDays } from '../../kernel/deadlines/due.js';

const step = stepsFor<Docket, DocketsTransaction>();
const recordId = z.string().trim().min(2).max(100);
const dateOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const openDocketInput = z.strictObject({
  jurisdiction: z.string().trim().min(2).max(40),
  agency: recordId,
  /** A registry product id (linked, with its vendor) or a description of the technology. */
  technology: z.string().trim().min(2).max(300),
  title: z.string().trim().min(3).max(300),
  /** The vendor, when the technology is not a registry product: a registry organisation id. */
  vendor: recordId.optional(),
  proposal: proposalSchema.optional(),
});

async function requireOrganization(tx: DocketsTransaction, id: string, field: string): Promise<void> {
  if (!(await tx.registry.getRecord('organization', id))) throw new CommandError({ code: 'INVALID_INPUT', message: `${field} "${id}" is not a registry organisation`, issues: [{ path: field, message: 'not a registry organisation' }] });
}

/** A docket's public fields, as its opening entry carries them (replay rebuilds the docket from it). */
export function openedDocketData(docket: Docket) {
  return { jurisdiction: docket.jurisdiction, agency: docket.agency, technology: docket.technology, product: docket.product, vendor: docket.vendor, title: docket.title, proposal: docket.proposal };
}

export const commentInput = z.strictObject({
  text: z.string().trim().min(10, 'must be at least 10 characters').max(10_000),
  /** How to reach the commenter, if they want to be reached. Sealed: never public, never logged in clear. */
  contact: z.string().trim().max(500).optional(),
});
export const moderationInput = z.strictObject({ comment: z.uuid(), decision: z.enum(['publish', 'reject']) });
export const noticeInput = z.strictObject({ publishedAt: dateOrInstant });
export const reviseInput = z.strictObject({ proposal: proposalSchema, title: z.string().trim().min(3).max(300).optional() });
export const voteInput = z.strictObject({ vote: z.enum(['yes', 'no', 'abstain']), note: z.string().trim().max(2000).optional() });
export const renewInput = z.strictObject({ expiresOn: z.iso.date(), note: z.string().trim().max(2000).optional() });
export const hearingInput = z.strictObject({
  heldOn: z.iso.date(),
  summary: z.string().trim().max(20_000).optional(),
  documents: z.array(z.strictObject({ title: z.string().trim().min(2).max(300), url: z.url({ protocol: /^https?$/ }).max(2000).optional() })).max(50).default([]),
});

function commentsOpen({ ctx, case: docket }: StepArgs<Docket, unknown, DocketsTransaction>): void {
  const notice = docket.notice;
  const now = ctx.now.toISOString();
  if (!notice || now < notice.publishedAt) throw new CommandError({ code: 'CONFLICT', message: `comments on "${docket.title}" open when its notice is published${notice ? ` (${notice.publishedAt})` : ''}` });
  if (now > notice.commentsCloseAt) throw new CommandError({ code: 'CONFLICT', message: `the comment period on "${docket.title}" closed on ${notice.commentsCloseOn}` });
}

/**
 * Community oversight dockets (the CCOPS model: SMC 14.18, OMC 9.64, the NYC POST Act): an
 * agency proposes a technology with its impact report and use policy; the board's clerk publishes
 * notice, which opens the comment period by the jurisdiction's rules; anyone comments without an
 * account (moderated); a hearing with documents; members vote in public; the decision, with
 * conditions; annual reports, overdue ones flagged by the tick; renewal and expiry.
 */
export const docketWorkflow: Workflow<Docket, DocketsTransaction> = {
  caseType: 'docket',
  idField: 'docket',
  label: 'docket',
  states: {
    proposed: { label: 'Proposed' },
    noticed: { label: 'Notice published' },
    'hearing-held': { label: 'Hearing held' },
    approved: { label: 'Approved' },
    'approved-with-conditions': { label: 'Approved with conditions' },
    rejected: { label: 'Rejected', terminal: true },
    expired: { label: 'Approval expired', terminal: true },
  },
  load: (tx, id) => tx.dockets.getDocket(id),
  stateOf: (docket) => docket.status,
  resourceOf: (docket) => ({ scopes: [{ kind: 'agency', id: docket.agency }, { kind: 'board', id: presetOf(docket.jurisdiction).board.id }] }),
  readableBy: () => true,
  openings: {
    open: step.opening({
      label: 'Open a docket',
      event: 'oversight.docket.opened',
      to: 'proposed',
      policy: agencyOfficer,
      input: openDocketInput,
      resourceOf: (input) => ({ scopes: [{ kind: 'agency', id: input.agency }] }),
      async guard({ input, tx }) {
        presetOf(input.jurisdiction);
        await requireOrganization(tx, input.agency, 'agency');
        if (input.vendor) await requireOrganization(tx, input.vendor, 'vendor');
      },
      async create({ ctx, input, tx }) {
        const product = await tx.registry.getRecord('product', input.technology);
        const docket: Docket = {
          id: randomUUID(), jurisdiction: input.jurisdiction, agency: input.agency, technology: input.technology, product: product ? input.technology : null,
          vendor: product?.vendor ?? input.vendor ?? null, title: input.title, status: 'proposed', proposal: input.proposal ?? proposalSchema.parse({}),
          openedBy: ctx.actor.actorId, openedAt: ctx.now.toISOString(), notice: null, hearing: null, decision: null, reportDueOn: null, expiresOn: null, renewedAt: null,
        };
        await tx.dockets.insertDocket(docket);
        const subjects = [`organization:${docket.agency}`, ...(docket.vendor ? [`organization:${docket.vendor}`] : []), ...(docket.product ? [`product:${docket.product}`] : [])];
        return { id: docket.id, data: toJsonObject(openedDocketData(docket)), subjects };
      },
    }),
  },
  transitions: {
    revise: step.transition({
      label: 'Revise the proposal', event: 'oversight.docket.proposal-revised', from: ['proposed'], to: 'proposed', policy: agencyOfficer,
      input: reviseInput,
      async effect({ case: docket, input, tx }) {
        await tx.dockets.updateDocket(docket.id, { proposal: input.proposal, ...(input.title ? { title: input.title } : {}) });
        return { data: toJsonObject({ proposal: input.proposal, title: input.title ?? docket.title }) };
      },
    }),
    notice: step.transition({
      label: 'Publish notice', event: 'oversight.docket.notice-published', from: ['proposed'], to: 'noticed', policy: boardClerk,
      input: noticeInput,
      async guard({ ctx, case: docket, input }) {
        const day = localDay(presetOf(docket.jurisdiction), input.publishedAt);
        const today = localDay(presetOf(docket.jurisdiction), ctx.now.toISOString());
        if (day > today) throw new CommandError({ code: 'INVALID_INPUT', message: `publishedAt ${input.publishedAt} is after today in ${presetOf(docket.jurisdiction).name} (${today}, ${calendarOf(presetOf(docket.jurisdiction)).timeZone}): record a notice once it is published`, issues: [{ path: 'publishedAt', message: 'must not be in the future' }] });
        const opened = localDay(presetOf(docket.jurisdiction), docket.openedAt);
        if (day < opened) throw new CommandError({ code: 'INVALID_INPUT', message: `publishedAt ${input.publishedAt} is before the docket was opened (${opened})`, issues: [{ path: 'publishedAt', message: 'before the docket was opened' }] });
      },
      async effect({ case: docket, input, tx }) {
        const notice = noticeDates(presetOf(docket.jurisdiction), input.publishedAt);
        await tx.dockets.updateDocket(docket.id, { notice });
        return { data: toJsonObject({ notice }) };
      },
      deadlines: { start: [
        { kind: 'comment-period-ends', label: 'Comment period ends', firesEvent: 'kernel.deadline.fired', due: ({ case: docket, input }) => {
          const preset = presetOf(docket.jurisdiction);
          return dueInCalendarDays(calendarOf(preset), localDay(preset, input.publishedAt), preset.commentPeriodDays.value);
        } },
        // Posted at least N days before use (NYC: 90): the period's last day is day N-1 after posting; use may begin on day N.
        { kind: 'posting-period-ends', label: 'Posting period ends (use may begin the next day)', firesEvent: 'kernel.deadline.fired', due: ({ case: docket, input }) => {
          const preset = presetOf(docket.jurisdiction);
          const days = preset.postBeforeUseDays.value;
          return days === null ? null : dueInCalendarDays(calendarOf(preset), localDay(preset, input.publishedAt), days - 1);
        } },
      ] },
    }),
    comment: step.transition({
      label: 'Comment', event: 'oversight.docket.comment-submitted', from: ['noticed', 'hearing-held'], to: 'noticed', target: selfLoop, policy: anyone, input: commentInput,
      async guard(args) {
        commentsOpen(args);
      },
      async effect({ ctx, case: docket, input, tx }) {
        // Text and contact are sealed; an absent contact is sealed as null, so the log does not even say whether one was given.
        const text = await tx.seals.put(input.text);
        const contact = await tx.seals.put(input.contact ?? null);
        const id = randomUUID();
        await tx.dockets.insertComment({ id, docketId: docket.id, textRef: text.id, contactRef: contact.id, submittedAt: ctx.now.toISOString() });
        return { data: { comment: id }, sealed: { text, contact } };
      },
    }),
    moderate: step.transition({
      label: 'Moderate a comment', event: 'oversight.docket.comment-moderated', from: DOCKET_STATUSES.filter((s) => s !== 'proposed'), to: 'noticed', target: selfLoop, policy: boardClerk, input: moderationInput,
      async guard({ case: docket, input, tx }) {
        const comment = await tx.dockets.getComment(input.comment);
        if (!comment || comment.docketId !== docket.id) throw new CommandError({ code: 'NOT_FOUND', message: `no comment "${input.comment}" on this docket` });
        if (comment.status !== 'pending') throw new CommandError({ code: 'CONFLICT', message: `comment "${input.comment}" is already ${comment.status}` });
        if (input.decision === 'publish' && comment.text === null) throw new CommandError({ code: 'CONFLICT', message: `comment "${input.comment}" was shredded; there is nothing to publish` });
      },
      async effect({ ctx, input, tx }) {
        const comment = await tx.dockets.getComment(input.comment);
        if (!comment) throw new Error(`comment ${input.comment} vanished inside its own transaction`);
        const published = input.decision === 'publish';
        await tx.dockets.moderateComment(comment.id, { status: published ? 'published' : 'rejected', text: published ? comment.text : null, moderatedAt: ctx.now.toISOString(), moderatedBy: ctx.actor.actorId });
        // Published, the text is public and its entry carries it (replay rebuilds the comment); a rejected one stays sealed.
        return { data: toJsonObject(published ? { comment: comment.id, decision: 'published', text: comment.text, submittedAt: comment.submittedAt } : { comment: comment.id, decision: 'rejected' }) };
      },
    }),
    hearing: step.transition({
      label: 'Record the hearing', event: 'oversight.docket.hearing-held', from: ['noticed'], to: 'hearing-held', policy: boardClerk, input: hearingInput,
      async guard({ ctx, case: docket, input }) {
        const preset = presetOf(docket.jurisdiction);
        const today = localDay(preset, ctx.now.toISOString());
        if (input.heldOn > today) throw new CommandError({ code: 'INVALID_INPUT', message: `heldOn ${input.heldOn} is after today in ${preset.name} (${today}, ${calendarOf(preset).timeZone}): record a hearing once it is held`, issues: [{ path: 'heldOn', message: 'must not be in the future' }] });
        const published = docket.notice ? localDay(preset, docket.notice.publishedAt) : '';
        if (input.heldOn < published) throw new CommandError({ code: 'INVALID_INPUT', message: `heldOn ${input.heldOn} is before the notice was published (${published})`, issues: [{ path: 'heldOn', message: 'before the notice' }] });
      },
      async effect({ case: docket, input, tx }) {
        const hearing = { heldOn: input.heldOn, summary: input.summary ?? null, documents: input.documents };
        await tx.dockets.updateDocket(docket.id, { hearing });
        // Held before the notice lead time ran out: recorded, and the docket page says so.
        const shortNotice = docket.notice !== null && input.heldOn < docket.notice.hearingFromOn;
        return { data: toJsonObject({ hearing, shortNotice }) };
      },
    }),
    vote: step.transition({
      label: 'Vote', event: 'oversight.docket.vote-cast', from: ['hearing-held'], to: 'hearing-held', policy: scoped('board-member'),
      input: voteInput,
      async guard({ ctx, case: docket, tx }) {
        if ((await tx.dockets.votesOf(docket.id)).some((v) => v.member === ctx.actor.actorId)) throw new CommandError({ code: 'CONFLICT', message: 'you have already voted on this docket; each vote is public and final' });
      },
      async effect({ ctx, case: docket, input, tx }) {
        await tx.dockets.insertVote({ docketId: docket.id, member: ctx.actor.actorId, vote: input.vote, note: input.note ?? null, castAt: ctx.now.toISOString() });
        return { data: { member: ctx.actor.actorId, vote: input.vote, note: input.note ?? null } };
      },
    }),
    decide: decideStep,
    fileReport: fileReportStep,
    flagReportOverdue: flagReportOverdueStep,
    renew: step.transition({
      label: 'Renew the approval', event: 'oversight.docket.renewed', from: APPROVED_STATUSES, to: 'approved', target: selfLoop, policy: boardClerk,
      input: renewInput,
      async guard({ ctx, case: docket, input }) {
        if (input.expiresOn <= localDay(presetOf(docket.jurisdiction), ctx.now.toISOString())) throw new CommandError({ code: 'INVALID_INPUT', message: `expiresOn ${input.expiresOn} is not in the future`, issues: [{ path: 'expiresOn', message: 'must be in the future' }] });
      },
      async effect({ ctx, case: docket, input, tx }) {
        await tx.dockets.updateDocket(docket.id, { expiresOn: input.expiresOn, renewedAt: ctx.now.toISOString() });
        return { data: { expiresOn: input.expiresOn, note: input.note ?? null } };
      },
      deadlines: { stop: [EXPIRY_KIND], start: [{ ...expiryRule, due: ({ case: docket, input }) => expiryDue(docket, input.expiresOn) }] },
    }),
    expire: step.transition({
      label: 'Expire', event: 'oversight.docket.expired', from: APPROVED_STATUSES, to: 'expired', policy: systemOnly, input: z.strictObject({}),
      deadlines: { stop: [reportDeadline.kind] },
    }),
  },
};
