import { randomUUID } from 'node:crypto';
import { toJsonObject } from '../../core/json-value.js';
import type { StepOutput } from '../../kernel/workflow/workflow.js';
import { draftAppeal, draftFollowUp } from './draft-follow-up.js';
import type { DisclosureRequest, RequestChanges, RequestMessage } from './disclosure-request.js';
import { jurisdictionOf } from './jurisdictions.js';
import { dueOfClock, localDateOf, pauseClock } from './request-clock.js';
import { publicStepData } from './request-public-data.js';
import type { DisclosureRequestsTransaction } from './requests-transaction.js';

/** Writes the changes, adds a message if given, and returns the step's public entry data. */
export async function applyStep(tx: DisclosureRequestsTransaction, request: DisclosureRequest, changes: RequestChanges, message?: RequestMessage): Promise<StepOutput> {
  if (Object.keys(changes).length > 0) await tx.requests.update(request.id, changes);
  if (message) await tx.requests.addMessage(message);
  return { data: toJsonObject(await publicStepData(tx, request.id, message)) };
}

/** A message of this request, dated `date`. */
export function messageOf(request: DisclosureRequest, fields: Pick<RequestMessage, 'direction' | 'kind' | 'subject' | 'body' | 'date'>, createdAt: string): RequestMessage {
  return { id: randomUUID(), requestId: request.id, createdAt, ...fields };
}

/** The clock paused on the step's date: days used banked, due date kept for the record. */
export function pausedClock(request: DisclosureRequest, occurredAt: string): RequestChanges {
  const jurisdiction = jurisdictionOf(request.jurisdiction);
  const clock = pauseClock(jurisdiction, { daysAllowed: request.daysAllowed ?? jurisdiction.response.days, daysUsed: request.daysUsed, clockRunningSince: request.clockRunningSince }, localDateOf(jurisdiction, occurredAt));
  return { daysUsed: clock.daysUsed, clockRunningSince: null };
}

/** The clock running again from the step's date: the days left, a new due date. */
export function resumedClock(request: DisclosureRequest, occurredAt: string): RequestChanges {
  const jurisdiction = jurisdictionOf(request.jurisdiction);
  const since = localDateOf(jurisdiction, occurredAt);
  const due = dueOfClock(jurisdiction, { daysAllowed: request.daysAllowed ?? jurisdiction.response.days, daysUsed: request.daysUsed, clockRunningSince: since });
  return { clockRunningSince: since, dueDate: due.dueDate ?? null, overdue: false };
}

/** The request as the tick found it overdue: flagged, with a follow-up drafted for the requester to send. */
export function overdueFollowUp(request: DisclosureRequest, now: string, trackingNumbers: readonly string[]): RequestMessage {
  const jurisdiction = jurisdictionOf(request.jurisdiction);
  return messageOf(request, { direction: 'draft', kind: 'follow-up', ...draftFollowUp(request, jurisdiction, trackingNumbers), date: localDateOf(jurisdiction, now) }, now);
}

/** The appeal letter drafted from the determination. */
export function appealMessage(request: DisclosureRequest, body: string | undefined, now: string, trackingNumbers: readonly string[]): RequestMessage {
  const jurisdiction = jurisdictionOf(request.jurisdiction);
  const drafted = draftAppeal(request, jurisdiction, trackingNumbers);
  return messageOf(request, { direction: 'sent', kind: 'appeal', subject: drafted.subject, body: body ?? drafted.body, date: localDateOf(jurisdiction, now) }, now);
}
