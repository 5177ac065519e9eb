import { randomUUID } from 'node:crypto';
import type { CommandContext } from '../../accounts/command-context.js';
import { atLeast, either, scoped, systemOnly } from '../../accounts/policy.js';
import { CommandError } from '../../core/command-error.js';
import { toJsonObject, type JsonValue } from '../../core/json-value.js';
import { US_FEDERAL } from '../../kernel/calendar/presets/us-federal.js';
import { dueInCalendarDays, dueInHours } from '../../kernel/deadlines/due.js';
import type { Due, StepOutput, Workflow } from '../../kernel/workflow/workflow.js';
import { stepsFor } from '../../kernel/workflow/workflow.js';
import type { OversightTransaction } from '../oversight-transaction.js';
import {
  FACTOR_LABELS, REVIEW_STATUSES, REVIEW_STATUS_LABELS, factorsPresent,
  type AcquisitionReview, type ReviewStatus, type StepKind,
} from './acquisition-review.js';
import { prefillFactors, relatedOrganizationsOf } from './prefill-factors.js';
import {
  answerFactorInput, consentInput, determinationInput, exemptionInput, exemptionNoticeInput, expireWaiverInput, noticeInput, openReviewInput,
  procurementStepInput, reEvaluateInput, resumeInput, stopWorkInput, waiverInput, waiverNoticeInput,
} from './review-inputs.js';

/** Officers of the review's agency (and admins) run the review's steps. */
export const reviewStaff = either(atLeast('admin'), scoped('officer'));
/** The determination is the certifying official's own: not delegable, not even to an admin. */
export const certifyingOfficial = scoped('certifying-official');

const step = stepsFor<AcquisitionReview, OversightTransaction>();
const ALL: readonly ReviewStatus[] = REVIEW_STATUSES;
const UNDER_REVIEW: readonly ReviewStatus[] = ['open', 'stop-work', 're-evaluation-required'];
const NOT_DENIED: readonly ReviewStatus[] = ['open', 'stop-work', 'approved', 'approved-with-conditions', 're-evaluation-required'];

/** The largest review a step may leave (its entry's other fields fit in the rest of the 65,535 bytes). */
export const MAX_REVIEW_BYTES = 56_000;

/** Each entry carries the review whole, and a log entry holds at most 65,535 bytes: refuse (400) a step that would not fit. */
function assertFitsLog(review: AcquisitionReview): void {
  const bytes = Buffer.byteLength(JSON.stringify(review), 'utf8');
  if (bytes > MAX_REVIEW_BYTES) throw new CommandError({ code: 'INVALID_INPUT', message: `this step would make the review ${bytes} bytes, more than a transparency-log entry holds (${MAX_REVIEW_BYTES}): shorten the text or cite fewer records`, issues: [{ path: '', message: 'too large for the log' }] });
}

const todayOf = (ctx: CommandContext) => ctx.now.toISOString().slice(0, 10);

function invalid(path: string, message: string): CommandError {
  return new CommandError({ code: 'INVALID_INPUT', message: `${path}: ${message}`, issues: [{ path, message }] });
}

/** Refuses a date after today (a step is recorded when it happens or after). */
function notFuture(ctx: CommandContext, value: string | undefined, path: string): void {
  if (value !== undefined && value.slice(0, 10) > todayOf(ctx).slice(0, value.slice(0, 10).length)) throw invalid(path, `${value} is in the future`);
}

/** Refuses evidence that names no record in the registry. */
async function checkEvidence(tx: OversightTransaction, refs: readonly string[] | undefined, path: string): Promise<void> {
  if (!refs || refs.length === 0) return;
  const found = await tx.oversight.existingRefs(refs);
  const missing = refs.filter((r) => !found.has(r));
  if (missing.length > 0) throw invalid(path, `no such record in the registry: ${missing.join(', ')}`);
}

function subjectsOf(review: AcquisitionReview): string[] {
  return [`organization:${review.agency}`, `product:${review.product}`, `organization:${review.vendor}`, ...(review.contract ? [`contract:${review.contract}`] : [])];
}

/** Writes the review after a step and returns what its log entry carries: the whole public review, and the step's own fields. */
async function commit(tx: OversightTransaction, ctx: CommandContext, review: AcquisitionReview, to: string, changes: Partial<AcquisitionReview>, extra: Record<string, JsonValue> = {}, subjects: string[] = [], sealed?: StepOutput['sealed']): Promise<StepOutput> {
  const next: AcquisitionReview = { ...review, ...changes, status: to as ReviewStatus, updatedAt: ctx.now.toISOString() };
  assertFitsLog(next);
  await tx.oversight.saveReview(next);
  return { data: { ...extra, state: toJsonObject(next) }, subjects: [...subjectsOf(next), ...subjects], ...(sealed ? { sealed } : {}) };
}

/** A deadline the review starts itself (one per exemption or waiver, so the kind carries the id). */
async function startDeadline(tx: OversightTransaction, ctx: CommandContext, review: string, kind: string, label: string, due: Due, onFire: string | null = null): Promise<void> {
  await tx.deadlines.start({
    id: randomUUID(), caseType: 'acquisition-review', caseId: review, kind, label, dueAt: due.dueAt, dueDate: due.dueDate ?? null, calendar: due.calendar ?? null,
    state: 'open', firesEvent: 'kernel.deadline.fired', onFire, startedAt: ctx.now.toISOString(), firedAt: null, stoppedAt: null, stopReason: null,
  });
}

function record(ctx: CommandContext, on: string | undefined, note: string | undefined, evidence: readonly string[] | undefined) {
  return { on: on ?? todayOf(ctx), note: note ?? null, evidence: [...(evidence ?? [])], recordedBy: ctx.actor.actorId, recordedAt: ctx.now.toISOString() };
}

/** One procurement step (the DNI's assessment, a request to the DNI and its answer, due diligence). */
function procurementStep(kind: StepKind, label: string, event: string) {
  return step.transition({
    label, event, from: UNDER_REVIEW, to: 'open', policy: reviewStaff, input: procurementStepInput,
    target: ({ case: r }) => r.status,
    async guard({ ctx, input, tx }) {
      notFuture(ctx, input.on, 'on');
      await checkEvidence(tx, input.evidence, 'evidence');
    },
    effect: ({ ctx, case: r, input, tx, to }) => commit(tx, ctx, r, to, { steps: { ...r.steps, [kind]: record(ctx, input.on, input.note, input.evidence) } }, { step: kind }),
  });
}

/**
 * The acquisition review of EO 14093 as a workflow. An officer of the agency opens it (the risk
 * factors arrive pre-filled from the registry), answers each factor with evidence, records the
 * procurement steps; the agency's certifying official determines; the notice to the APNSA starts
 * the 7-day clock. Stop-work orders, exemptions and waivers are steps of the same case; a new
 * incident or designation moves an active approval to `re-evaluation-required` (the system's
 * step, run by the re-evaluation subscriber).
 */
export const acquisitionReviewWorkflow: Workflow<AcquisitionReview, OversightTransaction> = {
  caseType: 'acquisition-review',
  idField: 'review',
  label: 'acquisition review',
  states: Object.fromEntries(REVIEW_STATUSES.map((s) => [s, { label: REVIEW_STATUS_LABELS[s] }])),
  load: (tx, id) => tx.oversight.review(id),
  stateOf: (r) => r.status,
  resourceOf: (r) => ({ scopes: [{ kind: 'agency', id: r.agency }] }),
  readableBy: () => true,
  openings: {
    open: step.opening({
      label: 'Open an acquisition review',
      event: 'oversight.review.opened',
      to: 'open',
      policy: reviewStaff,
      input: openReviewInput,
      resourceOf: (input) => ({ scopes: [{ kind: 'agency', id: input.agency }] }),
      async guard({ ctx, input, tx }) {
        const organizations = await tx.registry.existingKeys('organization', [input.agency, input.vendor]);
        if (!organizations.has(input.agency)) throw invalid('agency', `no organisation "${input.agency}" in the registry`);
        if (!(await tx.registry.existingKeys('product', [input.product])).has(input.product)) throw invalid('product', `no product "${input.product}" in the registry`);
        if (!organizations.has(input.vendor)) throw invalid('vendor', `no organisation "${input.vendor}" in the registry`);
        if (input.contract && !(await tx.registry.existingKeys('contract', [input.contract])).has(input.contract)) throw invalid('contract', `no contract with PIID "${input.contract}" in the registry`);
        notFuture(ctx, input.openedOn, 'openedOn');
        await checkEvidence(tx, input.sources?.map((s) => `source:${s}`), 'sources');
        if (input.id && (await tx.oversight.review(input.id))) throw new CommandError({ code: 'CONFLICT', message: `an acquisition review "${input.id}" already exists` });
      },
      async create({ ctx, input, tx }) {
        const product = await tx.registry.getRecord('product', input.product);
        const organizations = await relatedOrganizationsOf(tx.oversight, input.vendor, product?.vendor ?? null);
        const review: AcquisitionReview = {
          id: input.id ?? randomUUID(), agency: input.agency, product: input.product, vendor: input.vendor, contract: input.contract ?? null, purpose: input.purpose,
          uses: input.uses ?? [], requestedStart: input.requestedStart, status: 'open', openedOn: input.openedOn ?? todayOf(ctx), openedAt: ctx.now.toISOString(), openedBy: ctx.actor.actorId,
          stoppedFrom: null, factors: await prefillFactors(tx.oversight, input.product, organizations), steps: {}, determination: null, stopWork: [], exemptions: [], waivers: [],
          reEvaluations: [], sources: input.sources ?? [], updatedAt: ctx.now.toISOString(),
        };
        assertFitsLog(review);
        await tx.oversight.insertReview(review);
        return { id: review.id, data: { state: toJsonObject(review) }, subjects: subjectsOf(review) };
      },
    }),
  },
  transitions: {
    'answer-factor': step.transition({
      label: 'Answer a risk factor', event: 'oversight.review.factor-answered', from: UNDER_REVIEW, to: 'open', policy: reviewStaff, input: answerFactorInput,
      target: ({ case: r }) => r.status,
      guard: ({ input, tx }) => checkEvidence(tx, input.evidence, 'evidence'),
      effect: ({ ctx, case: r, input, tx, to }) => commit(tx, ctx, r, to, {
        factors: r.factors.map((f) => (f.kind === input.factor ? { ...f, presence: input.presence, answer: input.answer, evidence: input.evidence ? [...input.evidence] : f.evidence, answeredBy: ctx.actor.actorId, answeredAt: ctx.now.toISOString() } : f)),
      }, { factor: input.factor }),
    }),
    'review-dni-assessment': procurementStep('dni-assessment-reviewed', "Record the review of the DNI's assessment", 'oversight.review.dni-assessment-reviewed'),
    'request-dni-information': procurementStep('dni-information-requested', 'Record a request to the DNI for more information', 'oversight.review.dni-information-requested'),
    'record-dni-answer': procurementStep('dni-information-answered', "Record the DNI's answer", 'oversight.review.dni-information-answered'),
    'complete-due-diligence': procurementStep('due-diligence', 'Record the vendor due diligence', 'oversight.review.due-diligence-completed'),
    determine: step.transition({
      label: 'Determine', event: 'oversight.review.determined', from: ['open', 're-evaluation-required'], to: 'approved', policy: certifyingOfficial, input: determinationInput,
      target: ({ input }) => (input.decision === 'deny' ? 'denied' : input.decision === 'approve' ? 'approved' : 'approved-with-conditions'),
      async guard({ case: r, input }) {
        const present = factorsPresent(r);
        if (input.decision !== 'deny' && present.length > 0 && !input.justification && !input.sealedJustification) {
          throw invalid('justification', `approving while ${present.map((k) => FACTOR_LABELS[k].split(' (')[0]?.toLowerCase()).join(' and ')} ${present.length > 1 ? 'are' : 'is'} present requires a written justification (it is published)`);
        }
        if (input.decision === 'approve-with-conditions' && !input.conditions) throw invalid('conditions', 'an approval with conditions states them');
      },
      async effect({ ctx, case: r, input, tx, to }) {
        // A classified part of the justification: committed in the log, its text only in the seal store.
        const sealedPart = input.sealedJustification ? await tx.seals.put(input.sealedJustification) : null;
        return commit(tx, ctx, r, to, {
          determination: { decision: input.decision, justification: input.justification ?? null, conditions: input.conditions ?? null, on: todayOf(ctx), by: ctx.actor.actorId, factorsPresent: factorsPresent(r), sealedJustificationRef: sealedPart?.id ?? null },
        }, { decision: input.decision, ...(input.justification ? { justification: input.justification } : {}) }, [], sealedPart ? { sealedJustification: sealedPart } : undefined);
      },
    }),
    notice: step.transition({
      label: 'Record the notice to the APNSA', event: 'oversight.review.notice-given', from: ['open', 'approved', 'approved-with-conditions', 're-evaluation-required'], to: 'open', policy: reviewStaff, input: noticeInput,
      target: ({ case: r }) => r.status,
      deadlines: { start: [{ kind: 'use-opens', label: 'Operational use may start (7 calendar days after the notice to the APNSA)', firesEvent: 'kernel.deadline.fired', due: ({ input }) => dueInCalendarDays(US_FEDERAL, input.notifiedAt.slice(0, 10), 7) }] },
      async guard({ ctx, case: r, input, tx }) {
        notFuture(ctx, input.notifiedAt, 'notifiedAt');
        if (!r.steps['due-diligence']) throw new CommandError({ code: 'CONFLICT', message: 'the notice to the APNSA goes with the vendor due diligence done: record the due diligence first' });
        await checkEvidence(tx, input.evidence, 'evidence');
      },
      effect: ({ ctx, case: r, input, tx, to }) => commit(tx, ctx, r, to, { steps: { ...r.steps, notice: record(ctx, input.notifiedAt, input.note, input.evidence) } }, { notifiedAt: input.notifiedAt }),
    }),
    consent: step.transition({
      label: "Record the APNSA's consent", event: 'oversight.review.consent-recorded', from: NOT_DENIED, to: 'open', policy: reviewStaff, input: consentInput,
      target: ({ case: r }) => r.status,
      deadlines: { stop: ['use-opens'] },
      async guard({ ctx, input, tx }) {
        notFuture(ctx, input.consentedAt, 'consentedAt');
        await checkEvidence(tx, input.evidence, 'evidence');
      },
      effect: ({ ctx, case: r, input, tx, to }) => commit(tx, ctx, r, to, { steps: { ...r.steps, consent: record(ctx, input.consentedAt, input.note, input.evidence) } }, { consentedAt: input.consentedAt }),
    }),
    'stop-work': step.transition({
      label: 'Record a stop-work order', event: 'oversight.review.stop-work-ordered', from: ['open', 'approved', 'approved-with-conditions', 're-evaluation-required'], to: 'stop-work', policy: reviewStaff, input: stopWorkInput,
      async guard({ ctx, input, tx }) {
        notFuture(ctx, input.orderedOn, 'orderedOn');
        await checkEvidence(tx, input.evidence, 'evidence');
      },
      effect: ({ ctx, case: r, input, tx, to, from }) => commit(tx, ctx, r, to, {
        stoppedFrom: from as ReviewStatus,
        stopWork: [...r.stopWork, { orderedOn: input.orderedOn ?? todayOf(ctx), reason: input.reason, evidence: [...(input.evidence ?? [])], liftedOn: null, liftReason: null, liftEvidence: [] }],
      }, { reason: input.reason }),
    }),
    resume: step.transition({
      label: 'Lift the stop-work order', event: 'oversight.review.stop-work-lifted', from: ['stop-work'], to: 'open', policy: reviewStaff, input: resumeInput,
      target: ({ case: r }) => r.stoppedFrom ?? 'open',
      async guard({ ctx, case: r, input, tx }) {
        notFuture(ctx, input.liftedOn, 'liftedOn');
        const order = r.stopWork.at(-1);
        if (order && input.liftedOn && input.liftedOn < order.orderedOn.slice(0, input.liftedOn.length)) throw invalid('liftedOn', `the order was issued on ${order.orderedOn}, after ${input.liftedOn}`);
        await checkEvidence(tx, input.evidence, 'evidence');
      },
      effect: ({ ctx, case: r, input, tx, to }) => commit(tx, ctx, r, to, {
        stoppedFrom: null,
        stopWork: r.stopWork.map((o, i) => (i === r.stopWork.length - 1 ? { ...o, liftedOn: input.liftedOn ?? todayOf(ctx), liftReason: input.reason, liftEvidence: [...(input.evidence ?? [])] } : o)),
      }, { reason: input.reason }),
    }),
    exemption: step.transition({
      label: 'Record an exempt purchase', event: 'oversight.review.exemption-recorded', from: ALL, to: 'open', policy: reviewStaff, input: exemptionInput,
      target: ({ case: r }) => r.status,
      async guard({ ctx, input }) {
        notFuture(ctx, input.purchasedOn, 'purchasedOn');
      },
      async effect({ ctx, case: r, input, tx, to }) {
        const id = randomUUID().slice(0, 8);
        const due = dueInCalendarDays(US_FEDERAL, input.purchasedOn, 45);
        await startDeadline(tx, ctx, r.id, `exemption-notice-${id}`, `Notice to the APNSA of the exempt purchase of ${input.purchasedOn} (45 days)`, due);
        return commit(tx, ctx, r, to, { exemptions: [...r.exemptions, { id, purpose: input.purpose, purchasedOn: input.purchasedOn, description: input.description, noticeDueOn: due.dueDate ?? input.purchasedOn, notifiedOn: null }] }, { exemption: id });
      },
    }),
    'exemption-notice': step.transition({
      label: 'Record the notice to the APNSA of an exempt purchase', event: 'oversight.review.exemption-notice-given', from: ALL, to: 'open', policy: reviewStaff, input: exemptionNoticeInput,
      target: ({ case: r }) => r.status,
      async guard({ ctx, case: r, input }) {
        notFuture(ctx, input.notifiedOn, 'notifiedOn');
        const e = r.exemptions.find((x) => x.id === input.exemption);
        if (!e) throw invalid('exemption', `this review has no exemption "${input.exemption}"`);
        if (e.notifiedOn !== null) throw new CommandError({ code: 'CONFLICT', message: `the notice of exemption ${e.id} was recorded already (${e.notifiedOn})` });
      },
      async effect({ ctx, case: r, input, tx, to }) {
        await tx.deadlines.stop('acquisition-review', r.id, [`exemption-notice-${input.exemption}`], ctx.now.toISOString(), 'notice given');
        return commit(tx, ctx, r, to, { exemptions: r.exemptions.map((e) => (e.id === input.exemption ? { ...e, notifiedOn: input.notifiedOn } : e)) }, { exemption: input.exemption });
      },
    }),
    waiver: step.transition({
      label: 'Record a waiver', event: 'oversight.review.waiver-granted', from: ALL, to: 'open', policy: reviewStaff, input: waiverInput,
      target: ({ case: r }) => r.status,
      async guard({ ctx, input }) {
        const granted = input.grantedAt ?? ctx.now.toISOString();
        notFuture(ctx, granted, 'grantedAt');
        const limit = new Date(Date.parse(granted.length === 10 ? `${granted}T00:00:00Z` : granted));
        limit.setUTCFullYear(limit.getUTCFullYear() + 1);
        if (input.expiresOn > limit.toISOString().slice(0, 10)) throw invalid('expiresOn', `a waiver lasts at most one year: ${input.expiresOn} is after ${limit.toISOString().slice(0, 10)}`);
        if (input.expiresOn < granted.slice(0, 10)) throw invalid('expiresOn', 'a waiver cannot expire before it is granted');
      },
      async effect({ ctx, case: r, input, tx, to }) {
        const id = randomUUID().slice(0, 8);
        const granted = input.grantedAt ?? ctx.now.toISOString();
        const notice = dueInHours(granted, 72);
        await startDeadline(tx, ctx, r.id, `waiver-notice-${id}`, 'Notice of the waiver to the President (72 hours)', notice);
        await startDeadline(tx, ctx, r.id, `waiver-expiry-${id}`, `Waiver expires (${input.expiresOn})`, dueInCalendarDays(US_FEDERAL, input.expiresOn, 0), 'expire-waiver');
        return commit(tx, ctx, r, to, { waivers: [...r.waivers, { id, grantedAt: granted, expiresOn: input.expiresOn, reason: input.reason, presidentNoticeDueAt: notice.dueAt, presidentNotifiedAt: null, expired: false }] }, { waiver: id });
      },
    }),
    'waiver-notice': step.transition({
      label: 'Record the notice of a waiver to the President', event: 'oversight.review.waiver-notice-given', from: ALL, to: 'open', policy: reviewStaff, input: waiverNoticeInput,
      target: ({ case: r }) => r.status,
      async guard({ ctx, case: r, input }) {
        notFuture(ctx, input.notifiedAt, 'notifiedAt');
        const w = r.waivers.find((x) => x.id === input.waiver);
        if (!w) throw invalid('waiver', `this review has no waiver "${input.waiver}"`);
        if (w.presidentNotifiedAt !== null) throw new CommandError({ code: 'CONFLICT', message: `the notice of waiver ${w.id} was recorded already` });
      },
      async effect({ ctx, case: r, input, tx, to }) {
        await tx.deadlines.stop('acquisition-review', r.id, [`waiver-notice-${input.waiver}`], ctx.now.toISOString(), 'notice given');
        return commit(tx, ctx, r, to, { waivers: r.waivers.map((w) => (w.id === input.waiver ? { ...w, presidentNotifiedAt: input.notifiedAt } : w)) }, { waiver: input.waiver });
      },
    }),
    'expire-waiver': step.transition({
      label: 'Waiver expired', event: 'oversight.review.waiver-expired', from: ALL, to: 'open', policy: systemOnly, input: expireWaiverInput,
      target: ({ case: r }) => r.status,
      effect: ({ ctx, case: r, tx, to }) => commit(tx, ctx, r, to, { waivers: r.waivers.map((w) => (w.expiresOn < todayOf(ctx) || w.expiresOn === todayOf(ctx) ? { ...w, expired: true } : w)) }),
    }),
    're-evaluate': step.transition({
      label: 'Re-evaluation required', event: 'oversight.review.re-evaluation-required', from: ['approved', 'approved-with-conditions', 'stop-work'], to: 're-evaluation-required', policy: systemOnly, input: reEvaluateInput,
      // An approval under a stop-work order stays stopped; lifting the order then leads to re-evaluation, not back to the approval.
      target: ({ case: r }) => (r.status === 'stop-work' ? 'stop-work' : 're-evaluation-required'),
      async guard({ case: r }) {
        if (r.status === 'stop-work' && !(r.stoppedFrom === 'approved' || r.stoppedFrom === 'approved-with-conditions')) throw new CommandError({ code: 'CONFLICT', message: 'only an approval (active, or stopped) is re-evaluated' });
      },
      effect: ({ ctx, case: r, input, tx, to, from }) => commit(tx, ctx, r, to, {
        ...(from === 'stop-work' ? { stoppedFrom: 're-evaluation-required' as const } : {}),
        reEvaluations: [...r.reEvaluations, { trigger: input.trigger, title: input.title, from: (from === 'stop-work' ? r.stoppedFrom : from) as ReviewStatus, at: ctx.now.toISOString() }],
      }, { trigger: input.trigger }, [input.trigger]),
    }),
  },
};
