import { z } from 'zod';
import type { Actor } from '../../../accounts/actor.js';
import { availableSteps } from '../../../disclosure/requests/available-steps.js';
import type { DisclosureRequest, RequestDocument, RequestMessage, TrackingNumber } from '../../../disclosure/requests/disclosure-request.js';
import { jurisdictionOf } from '../../../disclosure/requests/jurisdictions.js';
import { requestWorkflow } from '../../../disclosure/requests/request-workflow.js';

const documentPresenter = z.object({
  id: z.string(), fileName: z.string(), mediaType: z.string(), size: z.number(), sha256: z.string(), pages: z.number().nullable(), embargoUntil: z.string(), embargoExtended: z.boolean(),
  noticeSentAt: z.string().nullable(), publishedAt: z.string().nullable(), uploadedAt: z.string(), url: z.string().nullable(), messageId: z.string().nullable(),
});

export const disclosureRequestPresenter = z.object({
  id: z.string(), status: z.string(), statusLabel: z.string(), title: z.string(), jurisdiction: z.string(), jurisdictionLabel: z.string(), law: z.string(),
  agencyId: z.string(), agencyName: z.string(), addressee: z.string(), subject: z.object({ kind: z.string(), id: z.string() }), piid: z.string().nullable(), awardKey: z.string().nullable(),
  letter: z.string(), expedited: z.boolean(), requesterName: z.string(), createdAt: z.string(), receivedAt: z.string().nullable(), dueDate: z.string().nullable(), daysAllowed: z.number().nullable(),
  clockPaused: z.boolean(), extended: z.boolean(), overdue: z.boolean(),
  determination: z.object({ outcome: z.string(), date: z.string(), note: z.string().nullable() }).nullable(), feeAmount: z.number().nullable(), feePaidAt: z.string().nullable(), closedAt: z.string().nullable(),
  trackingNumbers: z.array(z.object({ number: z.string(), label: z.string().nullable(), addedAt: z.string() })),
  messages: z.array(z.object({ id: z.string(), direction: z.string(), kind: z.string(), subject: z.string(), body: z.string(), date: z.string() })),
  documents: z.array(documentPresenter),
  steps: z.array(z.object({ step: z.string(), label: z.string(), backdate: z.boolean() })),
  url: z.string(), deadlinesUrl: z.string(), deadlinesCalendarUrl: z.string(),
});

/** The parts of a request a reader sees with it. */
export interface RequestParts {
  readonly tracking: readonly TrackingNumber[];
  readonly messages: readonly RequestMessage[];
  readonly documents: readonly RequestDocument[];
}

/** Whether this actor is the request's requester (or an admin): drafts, drafted messages and embargoed documents are theirs. */
export function isRequesterOf(actor: Actor, request: DisclosureRequest): boolean {
  return (actor.userId !== null && actor.userId === request.requesterUserId) || actor.role === 'admin';
}

/** A request as the API answers it: the letter, the clock, the parts this actor may see, and the steps open to them. */
export function presentRequest(actor: Actor, request: DisclosureRequest, parts: RequestParts) {
  const own = isRequesterOf(actor, request);
  const jurisdiction = jurisdictionOf(request.jurisdiction);
  const base = `/api/v1/disclosure-requests/${request.id}`;
  return {
    ...request, statusLabel: requestWorkflow.states[request.status]?.label ?? request.status, jurisdictionLabel: jurisdiction.label, law: `${jurisdiction.law} (${jurisdiction.lawCitation})`,
    subject: { kind: request.subjectKind, id: request.subjectId }, clockPaused: request.receivedAt !== null && request.clockRunningSince === null && request.determination === null,
    trackingNumbers: parts.tracking.map(({ number, label, addedAt }) => ({ number, label, addedAt })),
    messages: parts.messages.filter((m) => own || m.direction !== 'draft'),
    documents: parts.documents.map((d) => ({ ...d, url: d.publishedAt !== null || own ? `${base}/documents/${d.id}` : null })),
    steps: availableSteps(actor, request),
    url: `/disclosure-requests/${request.id}`, deadlinesUrl: `/api/v1/cases/disclosure-request/${request.id}/deadlines`, deadlinesCalendarUrl: `/api/v1/cases/disclosure-request/${request.id}/deadlines.ics`,
  };
}
