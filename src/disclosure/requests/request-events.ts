import { z } from 'zod';
import type { EventDefinition } from '../../ledger/catalogue/event-definition.js';
import { defineEvent } from '../../ledger/catalogue/event-definition.js';
import { deadlineFiredData, stepEventData } from '../../ledger/catalogue/step-event-data.js';
import { publicStepFields } from './request-public-data.js';
import type { DisclosureRequestsTransaction } from './requests-transaction.js';

// The shape of stepEventData('request', …), spelled out so the replay sees its fields' types.
const stepData = z.strictObject({ request: z.string().min(1), from: z.string().optional(), to: z.string().optional(), occurredAt: z.string().optional(), ...publicStepFields });
type StepData = z.infer<typeof stepData>;

/** A filed request's step replays by restoring what the entry carries (the request, its tracking numbers and documents, its new message). */
async function replayStep(data: StepData, tx: DisclosureRequestsTransaction): Promise<void> {
  if (!data.snapshot) return;
  await tx.requests.restorePublic({ request: data.snapshot, tracking: data.tracking ?? [], documents: data.documents ?? [], message: data.message ?? null });
}

function filedStep(type: string, summary: string): EventDefinition<unknown, DisclosureRequestsTransaction> {
  return defineEvent<StepData, DisclosureRequestsTransaction>({
    type, summary, data: stepData, sealed: [],
    replays: 'restores the filed request, its tracking numbers, documents (metadata and hash) and new message',
    replay: (data, _meta, tx) => replayStep(data, tx),
  });
}

/** The entries of records requests: drafting is private (the entry says only that a draft exists); every step after filing carries the public request. */
export const requestEvents: readonly EventDefinition<unknown, DisclosureRequestsTransaction>[] = [
  defineEvent({ type: 'disclosure.request.drafted', summary: 'A requester drafted a records request (what it asks stays with them until filed).', data: stepEventData('request', {}), sealed: [] }),
  defineEvent({ type: 'disclosure.request.edited', summary: 'A requester edited a draft request.', data: stepEventData('request', {}), sealed: [] }),
  filedStep('disclosure.request.submitted', 'A records request was filed: its letter, agency and statutory due date are public from now on.'),
  filedStep('disclosure.request.acknowledged', 'The agency acknowledged a request.'),
  filedStep('disclosure.request.processing', 'The agency is processing a request.'),
  filedStep('disclosure.request.extended', 'The agency extended the response period (unusual circumstances).'),
  filedStep('disclosure.request.fix-required', 'The agency asked the requester for clarification; the clock is paused.'),
  filedStep('disclosure.request.fixed', 'The requester answered; the clock runs again with the days left.'),
  filedStep('disclosure.request.payment-required', 'The agency asked for a fee; the clock is paused.'),
  filedStep('disclosure.request.paid', 'The requester paid the fee; the clock runs again with the days left.'),
  filedStep('disclosure.request.determined', 'The agency determined a request (completed, partial, rejected, no documents).'),
  filedStep('disclosure.request.appealed', 'The requester appealed an adverse determination.'),
  filedStep('disclosure.request.litigation', 'The request went to court.'),
  filedStep('disclosure.request.abandoned', 'The requester abandoned a request.'),
  filedStep('disclosure.request.tracking-number-added', 'A tracking number was recorded on a request.'),
  filedStep('disclosure.request.message-recorded', 'Correspondence on a request was recorded.'),
  filedStep('disclosure.request.flagged-overdue', 'The response was not in by its due date: the request is flagged overdue and a follow-up drafted.'),
  filedStep('disclosure.document.received', 'A document received on a request was stored; its SHA-256 is in this entry, its content private until the embargo ends.'),
  filedStep('disclosure.document.embargo-extended', "The requester extended a document's embargo (once)."),
  filedStep('disclosure.document.embargo-notice', 'The requester was told an embargo ends soon.'),
  filedStep('disclosure.document.published', 'Embargoed documents were published.'),
  defineEvent({ type: 'disclosure.request.response-overdue', summary: "A request's response (or appeal decision) deadline passed.", data: deadlineFiredData, sealed: [] }),
  defineEvent({ type: 'disclosure.request.expedite-decision-overdue', summary: 'The agency did not decide on expedited processing in time.', data: deadlineFiredData, sealed: [] }),
  defineEvent({ type: 'disclosure.request.appeal-window-closed', summary: 'The period to appeal a determination ended.', data: deadlineFiredData, sealed: [] }),
  defineEvent({ type: 'disclosure.document.embargo-ending', summary: "A document's embargo ends soon.", data: deadlineFiredData, sealed: [] }),
  defineEvent({ type: 'disclosure.document.embargo-ended', summary: "A document's embargo ended.", data: deadlineFiredData, sealed: [] }),
];
