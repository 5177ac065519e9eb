import { z } from 'zod';
import { atLeast, either, owner, scoped, systemOnly } from '../../accounts/policy.js';
import { CommandError } from '../../core/command-error.js';
import { isoDateSchema } from '../../kernel/calendar/iso-date.js';
import { stepsFor, type Workflow } from '../../kernel/workflow/workflow.js';
import { OUTCOMES, type DisclosureRequest, type RequestStatus } from './disclosure-request.js';
import { JURISDICTION_IDS, jurisdictionOf } from './jurisdictions.js';
import { localDateOf } from './request-clock.js';
import { appealDecision, appealWindow, CLOCK_KINDS, expediteDecision, extendedDaysAllowed, responseOnAcknowledgement, responseOnExtension, responseOnReceipt, responseOnResume } from './request-deadlines.js';
import { documentSteps } from './request-document-steps.js';
import { appealMessage, applyStep, messageOf, overdueFollowUp, pausedClock, resumedClock } from './request-steps.js';
import type { DisclosureRequestsTransaction } from './requests-transaction.js';

const step = stepsFor<DisclosureRequest, DisclosureRequestsTransaction>();
const note = z.string().trim().max(20_000).optional();
const noteInput = z.strictObject({ note });
type NoteInput = z.infer<typeof noteInput>;
const submitInput = z.strictObject({ receivedAt: isoDateSchema, trackingNumber: z.string().trim().min(1).max(200).optional() });
const determineInput = z.strictObject({ outcome: z.enum(OUTCOMES), note });
const acknowledgeInput = z.strictObject({ trackingNumber: z.string().trim().min(1).max(200).optional(), note });
const appealInput = z.strictObject({ letter: z.string().trim().min(20).max(100_000).optional() });

/** The requester (or an admin). */
const requester = either(owner, atLeast('admin'));
/** The requester recording the agency's answer, or an officer of that agency. */
const requesterOrAgency = either(owner, scoped('officer'), atLeast('admin'));

/** States a filed request can be in. */
const FILED: readonly RequestStatus[] = ['submitted', 'acknowledged', 'processing', 'fix-required', 'payment-required', 'appealing', 'litigation', 'rejected', 'no-documents', 'done', 'partial'];
/** States in which the agency owes an answer. */
const AWAITING: readonly RequestStatus[] = ['submitted', 'acknowledged', 'processing'];
const ADVERSE: readonly RequestStatus[] = ['rejected', 'partial', 'no-documents'];
/** A step that records something without moving the request (a tracking number, a letter). */
function same({ from }: { from: string | null }): string {
  if (from === null) throw new Error('a step on an existing request has a state to stay in');
  return from;
}

/** A correspondence line for an agency step that came with a note. */
function received(request: DisclosureRequest, subject: string, text: string | undefined, occurredAt: string, now: string) {
  return text ? messageOf(request, { direction: 'received', kind: 'correspondence', subject, body: text, date: localDateOf(jurisdictionOf(request.jurisdiction), occurredAt) }, now) : undefined;
}

/**
 * Records requests as cases (MuckRock's lifecycle): drafted from the record, filed, then moved by
 * the agency's answers. The response clock starts on receipt, pauses while the agency waits for
 * the requester, takes one extension, and fires `flag-overdue` when it runs out; an adverse
 * determination opens the appeal window. Drafts are their requester's own; filed requests are public.
 */
export const requestWorkflow: Workflow<DisclosureRequest, DisclosureRequestsTransaction> = {
  caseType: 'disclosure-request',
  idField: 'request',
  label: 'disclosure request',
  states: {
    draft: { label: 'Draft' }, submitted: { label: 'Submitted' }, acknowledged: { label: 'Acknowledged' }, processing: { label: 'Processing' },
    'fix-required': { label: 'Fix required' }, 'payment-required': { label: 'Payment required' }, appealing: { label: 'Appealing' }, litigation: { label: 'In litigation' },
    rejected: { label: 'Rejected' }, 'no-documents': { label: 'No responsive documents' }, done: { label: 'Completed' }, partial: { label: 'Partially completed' },
    abandoned: { label: 'Abandoned', terminal: true },
  },
  load: (tx, id) => tx.requests.get(id),
  stateOf: (request) => request.status,
  resourceOf: (request) => ({ scopes: [{ kind: 'agency', id: request.agencyId }], ownerUserId: request.requesterUserId }),
  readableBy: (actor, request) => request.receivedAt !== null || (actor.userId !== null && actor.userId === request.requesterUserId) || atLeast('admin').allows(actor, undefined),
  openings: {
    draft: step.opening({
      label: 'Draft a request', event: 'disclosure.request.drafted', to: 'draft', policy: atLeast('contributor'),
      input: z.strictObject({ request: z.custom<DisclosureRequest>((v) => typeof v === 'object' && v !== null && 'letter' in v, 'a drafted request') }),
      resourceOf: (_input, ctx) => ({ scopes: [], ownerUserId: ctx.actor.userId }),
      async create({ input, tx }) {
        await tx.requests.insert({ ...input.request, status: 'draft' });
        // A draft is the requester's own: the entry says one was drafted, not what it asks.
        return { id: input.request.id };
      },
    }),
  },
  transitions: {
    edit: step.transition({
      label: 'Edit', event: 'disclosure.request.edited', from: ['draft'], to: 'draft', policy: requester,
      input: z.strictObject({ title: z.string().trim().min(3).max(300).optional(), letter: z.string().trim().min(20).max(100_000).optional(), expedited: z.boolean().optional(), jurisdiction: z.enum(JURISDICTION_IDS).optional() }),
      async effect({ case: request, input, tx }) {
        await tx.requests.update(request.id, { ...input });
      },
    }),
    submit: step.transition({
      label: 'Submit', event: 'disclosure.request.submitted', from: ['draft'], to: 'submitted', policy: requester,
      input: submitInput,
      deadlines: { start: [responseOnReceipt<z.infer<typeof submitInput>>(), expediteDecision<z.infer<typeof submitInput>>()] },
      async guard({ ctx, case: request, input }) {
        const today = localDateOf(jurisdictionOf(request.jurisdiction), ctx.now.toISOString());
        if (input.receivedAt > today) throw new CommandError({ code: 'INVALID_INPUT', message: `receivedAt ${input.receivedAt} is after today (${today})`, issues: [{ path: 'receivedAt', message: 'must not be in the future' }] });
      },
      async effect({ ctx, case: request, input, tx }) {
        const jurisdiction = jurisdictionOf(request.jurisdiction);
        const due = responseOnReceipt<z.infer<typeof submitInput>>().due({ ctx, case: request, input, tx, from: 'draft', to: 'submitted', occurredAt: ctx.now.toISOString() });
        if (input.trackingNumber) await tx.requests.addTrackingNumber({ requestId: request.id, number: input.trackingNumber, label: null, addedAt: ctx.now.toISOString() });
        const sent = messageOf(request, { direction: 'sent', kind: 'request', subject: request.title, body: request.letter, date: input.receivedAt }, ctx.now.toISOString());
        return applyStep(tx, request, { receivedAt: input.receivedAt, daysAllowed: jurisdiction.response.days, daysUsed: 0, clockRunningSince: input.receivedAt, dueDate: due?.dueDate ?? null }, sent);
      },
    }),
    acknowledge: step.transition({
      label: 'Record acknowledgement', event: 'disclosure.request.acknowledged', from: ['submitted'], to: 'acknowledged', policy: requesterOrAgency, backdate: true,
      input: acknowledgeInput,
      deadlines: { stop: ['response-due'], start: [responseOnAcknowledgement<z.infer<typeof acknowledgeInput>>()] },
      async effect({ ctx, case: request, input, tx, occurredAt }) {
        if (input.trackingNumber) await tx.requests.addTrackingNumber({ requestId: request.id, number: input.trackingNumber, label: null, addedAt: ctx.now.toISOString() });
        const after = jurisdictionOf(request.jurisdiction).afterAcknowledgement;
        const since = localDateOf(jurisdictionOf(request.jurisdiction), occurredAt);
        const due = responseOnAcknowledgement<z.infer<typeof acknowledgeInput>>().due({ ctx, case: request, input, tx, from: request.status, to: 'acknowledged', occurredAt });
        // Under FOIL the acknowledgement starts the period to answer; elsewhere it changes no clock.
        const clock = after && request.clockRunningSince !== null ? { daysAllowed: after.days, daysUsed: 0, clockRunningSince: since, dueDate: due?.dueDate ?? null, overdue: false } : {};
        return applyStep(tx, request, clock, received(request, 'Acknowledgement', input.note, occurredAt, ctx.now.toISOString()));
      },
    }),
    process: step.transition({
      label: 'Record processing', event: 'disclosure.request.processing', from: ['submitted', 'acknowledged'], to: 'processing', policy: requesterOrAgency, backdate: true, input: noteInput,
      effect: async ({ ctx, case: request, input, tx, occurredAt }) => applyStep(tx, request, {}, received(request, 'Processing', input.note, occurredAt, ctx.now.toISOString())),
    }),
    extend: step.transition({
      label: 'Record extension (unusual circumstances)', event: 'disclosure.request.extended', from: AWAITING, to: 'processing', target: same, policy: requesterOrAgency, backdate: true, input: noteInput,
      deadlines: { stop: ['response-due'], start: [responseOnExtension<NoteInput>()] },
      async guard({ case: request }) {
        const jurisdiction = jurisdictionOf(request.jurisdiction);
        if (!jurisdiction.extension) throw new CommandError({ code: 'CONFLICT', message: `${jurisdiction.label} provides no extension of the response period` });
        if (request.extended) throw new CommandError({ code: 'CONFLICT', message: `this request's response period was already extended (${jurisdiction.extension.citation} allows one extension)` });
      },
      async effect({ ctx, case: request, input, tx, occurredAt }) {
        const due = responseOnExtension<NoteInput>().due({ ctx, case: request, input, tx, from: request.status, to: request.status, occurredAt });
        return applyStep(tx, request, { extended: true, daysAllowed: extendedDaysAllowed(request), dueDate: due?.dueDate ?? request.dueDate, overdue: false }, received(request, 'Extension', input.note, occurredAt, ctx.now.toISOString()));
      },
    }),
    'require-fix': step.transition({
      label: 'Record request for clarification', event: 'disclosure.request.fix-required', from: AWAITING, to: 'fix-required', policy: requesterOrAgency, backdate: true, input: noteInput,
      deadlines: { stop: ['response-due'] },
      effect: async ({ ctx, case: request, input, tx, occurredAt }) => applyStep(tx, request, pausedClock(request, occurredAt), received(request, 'Clarification asked', input.note, occurredAt, ctx.now.toISOString())),
    }),
    'answer-fix': step.transition({
      label: 'Send clarification', event: 'disclosure.request.fixed', from: ['fix-required'], to: 'processing', policy: requester, backdate: true, input: noteInput,
      deadlines: { start: [responseOnResume<NoteInput>()] },
      async effect({ ctx, case: request, input, tx, occurredAt }) {
        const sent = input.note ? messageOf(request, { direction: 'sent', kind: 'correspondence', subject: 'Clarification', body: input.note, date: localDateOf(jurisdictionOf(request.jurisdiction), occurredAt) }, ctx.now.toISOString()) : undefined;
        return applyStep(tx, request, resumedClock(request, occurredAt), sent);
      },
    }),
    'require-payment': step.transition({
      label: 'Record fee request', event: 'disclosure.request.payment-required', from: AWAITING, to: 'payment-required', policy: requesterOrAgency, backdate: true,
      input: z.strictObject({ amount: z.number().finite().nonnegative().max(1e9), note }),
      deadlines: { stop: ['response-due'] },
      effect: async ({ ctx, case: request, input, tx, occurredAt }) => applyStep(tx, request, { ...pausedClock(request, occurredAt), feeAmount: input.amount }, received(request, `Fee request: ${input.amount.toFixed(2)}`, input.note ?? `The agency asks for a fee of ${input.amount.toFixed(2)}.`, occurredAt, ctx.now.toISOString())),
    }),
    pay: step.transition({
      label: 'Record payment', event: 'disclosure.request.paid', from: ['payment-required'], to: 'processing', policy: requester, backdate: true, input: noteInput,
      deadlines: { start: [responseOnResume<NoteInput>()] },
      effect: async ({ case: request, tx, occurredAt }) => applyStep(tx, request, { ...resumedClock(request, occurredAt), feePaidAt: localDateOf(jurisdictionOf(request.jurisdiction), occurredAt) }),
    }),
    determine: step.transition({
      label: 'Record determination', event: 'disclosure.request.determined', from: [...AWAITING, 'appealing', 'litigation'], to: 'done', policy: requesterOrAgency, backdate: true,
      input: determineInput,
      target: ({ input }) => input.outcome,
      deadlines: { stop: [...CLOCK_KINDS, 'appeal-due'], start: [appealWindow<z.infer<typeof determineInput>>()] },
      async effect({ ctx, case: request, input, tx, occurredAt }) {
        const date = localDateOf(jurisdictionOf(request.jurisdiction), occurredAt);
        return applyStep(tx, request, { determination: { outcome: input.outcome, date, note: input.note ?? null }, overdue: false, clockRunningSince: null, closedAt: date }, received(request, `Determination: ${input.outcome}`, input.note, occurredAt, ctx.now.toISOString()));
      },
    }),
    appeal: step.transition({
      label: 'File appeal', event: 'disclosure.request.appealed', from: ADVERSE, to: 'appealing', policy: requester,
      input: appealInput,
      deadlines: { stop: ['appeal-due'], start: [appealDecision<z.infer<typeof appealInput>>()] },
      async guard({ case: request }) {
        const jurisdiction = jurisdictionOf(request.jurisdiction);
        if (!jurisdiction.appeal) throw new CommandError({ code: 'CONFLICT', message: `${jurisdiction.label} has no administrative appeal; record litigation instead` });
      },
      async effect({ ctx, case: request, input, tx }) {
        const numbers = (await tx.requests.trackingNumbers(request.id)).map((t) => t.number);
        return applyStep(tx, request, { closedAt: null, overdue: false }, appealMessage(request, input.letter, ctx.now.toISOString(), numbers));
      },
    }),
    litigate: step.transition({
      label: 'Record litigation', event: 'disclosure.request.litigation', from: [...AWAITING, ...ADVERSE, 'appealing'], to: 'litigation', policy: requester, input: noteInput,
      deadlines: { stop: [...CLOCK_KINDS, 'appeal-due'] },
      effect: async ({ ctx, case: request, input, tx }) => applyStep(tx, request, { closedAt: null }, input.note ? messageOf(request, { direction: 'sent', kind: 'correspondence', subject: 'Litigation', body: input.note, date: localDateOf(jurisdictionOf(request.jurisdiction), ctx.now.toISOString()) }, ctx.now.toISOString()) : undefined),
    }),
    abandon: step.transition({
      label: 'Abandon', event: 'disclosure.request.abandoned', from: ['draft', ...FILED], to: 'abandoned', policy: requester, input: noteInput,
      deadlines: { stop: [...CLOCK_KINDS, 'appeal-due'] },
      effect: async ({ ctx, case: request, tx }) => applyStep(tx, request, { closedAt: ctx.now.toISOString().slice(0, 10) }),
    }),
    'add-tracking-number': step.transition({
      label: 'Add tracking number', event: 'disclosure.request.tracking-number-added', from: FILED, to: 'submitted', target: same, policy: requesterOrAgency,
      input: z.strictObject({ number: z.string().trim().min(1).max(200), label: z.string().trim().max(200).optional() }),
      async effect({ ctx, case: request, input, tx }) {
        if (!(await tx.requests.addTrackingNumber({ requestId: request.id, number: input.number, label: input.label ?? null, addedAt: ctx.now.toISOString() }))) {
          throw new CommandError({ code: 'CONFLICT', message: `tracking number ${input.number} is already recorded on this request` });
        }
        return applyStep(tx, request, {});
      },
    }),
    'record-message': step.transition({
      label: 'Record correspondence', event: 'disclosure.request.message-recorded', from: FILED, to: 'submitted', target: same, policy: requesterOrAgency, backdate: true,
      input: z.strictObject({ direction: z.enum(['sent', 'received']), subject: z.string().trim().min(1).max(300), body: z.string().trim().min(1).max(100_000) }),
      effect: async ({ ctx, case: request, input, tx, occurredAt }) => applyStep(tx, request, {}, messageOf(request, { ...input, kind: 'correspondence', date: localDateOf(jurisdictionOf(request.jurisdiction), occurredAt) }, ctx.now.toISOString())),
    }),
    'flag-overdue': step.transition({
      label: 'Flag overdue', event: 'disclosure.request.flagged-overdue', from: [...AWAITING, 'appealing'], to: 'submitted', target: same, policy: systemOnly, input: z.strictObject({}),
      async effect({ ctx, case: request, tx }) {
        const numbers = (await tx.requests.trackingNumbers(request.id)).map((t) => t.number);
        const followUp = overdueFollowUp(request, ctx.now.toISOString(), numbers);
        return applyStep(tx, request, { overdue: true }, followUp);
      },
    }),
    ...documentSteps(FILED),
  },
};
