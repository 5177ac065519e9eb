import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { atLeast } from '../../accounts/policy.js';
import { CommandError } from '../../core/command-error.js';
import { toJsonObject } from '../../core/json-value.js';
import { stepsFor, type Workflow } from '../../kernel/workflow/workflow.js';
import { PERMALINK_ALERT_STATUSES, type Alert, type AlertDetails } from './alert.js';
import { recordIdSchema } from '../../registry/schemas/common.js';
import { publicAlertData } from './alert-event-data.js';
import type { AlertsTransaction } from './alerts-transaction.js';
import { awardKeyConflict } from './award-key-conflict.js';
import { recordInRegistry } from './record-in-registry.js';

const newAlertInput = z.strictObject({ alert: z.custom<Alert>((v) => typeof v === 'object' && v !== null && 'transactionKey' in v, 'a screened alert') });
const reviewInput = z.strictObject({ note: z.string().trim().max(2000).optional() });
/** An annotation says something about a published alert, resting on a registry source where there is one. */
export const annotationInput = z.strictObject({
  note: z.string().trim().min(3, 'must say what the annotation adds (at least 3 characters)').max(5000),
  source: recordIdSchema.optional(),
});
/** A retraction says why: the page shows "Retracted: reason". */
export const retractionInput = z.strictObject({ reason: z.string().trim().min(3, 'must say why the alert is retracted (at least 3 characters)').max(2000) });
const step = stepsFor<Alert, AlertsTransaction>();


/** The log subjects of a public alert: itself, its organisation, its contract. */
function subjectsOf(alert: Alert): string[] {
  return [`organization:${alert.organizationId}`, `contract:${alert.piid}`];
}

/** What a review item seals: everything but its key, status and dates. */
function detailsOf(alert: Alert): AlertDetails {
  const { id: _id, transactionKey: _key, status: _status, decision: _decision, createdAt: _created, reviewedBy: _by, reviewedAt: _at, reviewNote: _note, ...details } = alert;
  return details;
}

/**
 * Screening matches as cases: a confident match is raised (recorded in the registry at once and
 * public); a weak one is queued for an analyst, its details sealed — it may name a look-alike
 * contractor — until confirmed (recorded and published) or dismissed.
 */
export const alertWorkflow: Workflow<Alert, AlertsTransaction> = {
  caseType: 'alert',
  idField: 'alert',
  label: 'alert',
  states: {
    raised: { label: 'Alert raised' },
    pending: { label: 'Waiting for review' },
    confirmed: { label: 'Confirmed by an analyst' },
    dismissed: { label: 'Dismissed', terminal: true },
    retracted: { label: 'Retracted', terminal: true },
  },
  load: (tx, id) => tx.alerts.get(id),
  stateOf: (alert) => alert.status,
  resourceOf: () => ({ scopes: [] }),
  readableBy: (actor, alert) => PERMALINK_ALERT_STATUSES.includes(alert.status) || atLeast('analyst').allows(actor, undefined),
  openings: {
    raise: step.opening({
      label: 'Raise an alert',
      event: 'procurement.alert.raised',
      to: 'raised',
      policy: atLeast('analyst'),
      input: newAlertInput,
      resourceOf: () => ({ scopes: [] }),
      async create({ ctx, input, tx }) {
        const alert: Alert = { ...input.alert, status: 'raised' };
        // A deletion says USAspending withdrew a record: alert on it, but it adds no fact.
        if (alert.event !== 'deletion') await recordInRegistry(tx, ctx, alert.transaction, alert.organizationId, alert.event);
        await tx.alerts.insertPublic(alert);
        return { id: alert.id, data: toJsonObject(publicAlertData(alert)), subjects: subjectsOf(alert) };
      },
    }),
    queue: step.opening({
      label: 'Queue a match for review',
      event: 'procurement.review.queued',
      to: 'pending',
      policy: atLeast('analyst'),
      input: newAlertInput,
      resourceOf: () => ({ scopes: [] }),
      async create({ input, tx }) {
        const alert: Alert = { ...input.alert, status: 'pending' };
        // The public log says a match was queued; which organisation and contract is sealed.
        const match = await tx.seals.put(toJsonObject(detailsOf(alert)));
        await tx.alerts.insertSealed(alert, match.id);
        return { id: alert.id, data: { decision: alert.decision }, sealed: { match } };
      },
    }),
  },
  transitions: {
    confirm: step.transition({
      label: 'Confirm',
      event: 'procurement.review.confirmed',
      from: ['pending'],
      to: 'confirmed',
      policy: atLeast('analyst'),
      input: reviewInput,
      async guard({ case: alert, tx }) {
        const holder = await awardKeyConflict(tx, alert.transaction);
        if (holder !== null) {
          throw new CommandError({ code: 'CONFLICT', message: `award key ${alert.awardKey} already belongs to contract ${holder} in the registry, not ${alert.piid}: correct that contract (or dismiss this match) first — the match stays in the queue` });
        }
      },
      async effect({ ctx, case: alert, input, tx }) {
        const review = { reviewedBy: ctx.actor.actorId, reviewedAt: ctx.now.toISOString(), reviewNote: input.note ?? null };
        const confirmed: Alert = { ...alert, ...review, status: 'confirmed' };
        if (alert.event !== 'deletion') await recordInRegistry(tx, ctx, alert.transaction, alert.organizationId, alert.event);
        await tx.alerts.publish(confirmed);
        await tx.alerts.recordReview(alert.id, review);
        // Confirmed, the match is public: its entry carries what the public sees.
        return { data: toJsonObject({ ...publicAlertData(confirmed), ...(input.note ? { note: input.note } : {}) }), subjects: subjectsOf(alert) };
      },
    }),
    dismiss: step.transition({
      label: 'Dismiss',
      event: 'procurement.review.dismissed',
      from: ['pending'],
      to: 'dismissed',
      policy: atLeast('analyst'),
      input: reviewInput,
      async effect({ ctx, case: alert, input, tx }) {
        // A dismissed match stays sealed (it was a look-alike).
        await tx.alerts.recordReview(alert.id, { reviewedBy: ctx.actor.actorId, reviewedAt: ctx.now.toISOString(), reviewNote: input.note ?? null });
      },
    }),
    annotate: step.transition({
      label: 'Annotate',
      event: 'procurement.alert.annotated',
      from: ['raised', 'confirmed'],
      to: 'raised',
      // An annotation adds to the alert without moving it: it stays where it was.
      target: ({ case: alert }) => alert.status,
      policy: atLeast('analyst'),
      input: annotationInput,
      async guard({ input, tx }) {
        if (input.source !== undefined && (await tx.registry.existingKeys('source', [input.source])).size === 0) {
          throw new CommandError({ code: 'INVALID_INPUT', message: `unknown source "${input.source}"`, issues: [{ path: 'source', message: `unknown source "${input.source}"` }] });
        }
      },
      async effect({ ctx, case: alert, input, tx }) {
        const annotation = { id: randomUUID(), alertId: alert.id, note: input.note, source: input.source ?? null, createdBy: ctx.actor.actorId, createdAt: ctx.now.toISOString() };
        await tx.alerts.addAnnotation(annotation);
        return { data: { annotation: annotation.id, note: annotation.note, ...(annotation.source ? { source: annotation.source } : {}) }, subjects: subjectsOf(alert) };
      },
    }),
    retract: step.transition({
      label: 'Retract',
      event: 'procurement.alert.retracted',
      from: ['raised', 'confirmed'],
      to: 'retracted',
      policy: atLeast('editor'),
      input: retractionInput,
      async effect({ ctx, case: alert, input, tx }) {
        await tx.alerts.recordRetraction(alert.id, { retractedBy: ctx.actor.actorId, retractedAt: ctx.now.toISOString(), reason: input.reason });
        return { data: { reason: input.reason }, subjects: subjectsOf(alert) };
      },
    }),
  },
};
