import type { DeadlineRule } from '../../kernel/workflow/workflow.js';
import type { DisclosureRequest, Outcome } from './disclosure-request.js';
import { jurisdictionOf } from './jurisdictions.js';
import { dueAfter, dueOfClock, localDateOf } from './request-clock.js';
import type { DisclosureRequestsTransaction } from './requests-transaction.js';

type Rule<I> = DeadlineRule<DisclosureRequest, I, DisclosureRequestsTransaction>;

export const OVERDUE_EVENT = 'disclosure.request.response-overdue';

/** The response clock started on receipt: the law's period from the day received. */
export const responseOnReceipt = <I extends { receivedAt: string }>(): Rule<I> => ({
  kind: 'response-due', label: 'Response due', firesEvent: OVERDUE_EVENT, onFire: 'flag-overdue',
  due: ({ case: request, input }) => {
    const jurisdiction = jurisdictionOf(request.jurisdiction);
    return dueAfter(jurisdiction, jurisdiction.response, input.receivedAt, jurisdiction.response.days);
  },
});

/** The response clock running again after a pause, with the days left. */
export const responseOnResume = <I>(): Rule<I> => ({
  kind: 'response-due', label: 'Response due', firesEvent: OVERDUE_EVENT, onFire: 'flag-overdue',
  due: ({ case: request, occurredAt }) => {
    const jurisdiction = jurisdictionOf(request.jurisdiction);
    return dueOfClock(jurisdiction, { daysAllowed: request.daysAllowed ?? jurisdiction.response.days, daysUsed: request.daysUsed, clockRunningSince: localDateOf(jurisdiction, occurredAt) });
  },
});

/**
 * The response period once extended for unusual circumstances: the period in force plus the
 * jurisdiction's one extension. Only a jurisdiction whose law provides one can be extended (the
 * extend step's guard refuses the others first).
 */
export function extendedDaysAllowed(request: DisclosureRequest): number {
  const jurisdiction = jurisdictionOf(request.jurisdiction);
  if (!jurisdiction.extension) throw new Error(`${jurisdiction.label} provides no extension of the response period`);
  return (request.daysAllowed ?? jurisdiction.response.days) + jurisdiction.extension.days;
}

/** The response clock with the extension for unusual circumstances added (null while paused). */
export const responseOnExtension = <I>(): Rule<I> => ({
  kind: 'response-due', label: 'Response due (extended)', firesEvent: OVERDUE_EVENT, onFire: 'flag-overdue',
  due: ({ case: request }) => {
    const jurisdiction = jurisdictionOf(request.jurisdiction);
    if (!jurisdiction.extension || request.clockRunningSince === null) return null;
    return dueOfClock(jurisdiction, { daysAllowed: extendedDaysAllowed(request), daysUsed: request.daysUsed, clockRunningSince: request.clockRunningSince });
  },
});

/** FOIL: on acknowledgement a new period runs from its date; elsewhere the clock runs on unchanged. */
export const responseOnAcknowledgement = <I>(): Rule<I> => ({
  kind: 'response-due', label: 'Response due', firesEvent: OVERDUE_EVENT, onFire: 'flag-overdue',
  due: ({ case: request, occurredAt }) => {
    const jurisdiction = jurisdictionOf(request.jurisdiction);
    const after = jurisdiction.afterAcknowledgement;
    if (after) return dueAfter(jurisdiction, after, localDateOf(jurisdiction, occurredAt), after.days);
    if (request.clockRunningSince === null) return null;
    return dueOfClock(jurisdiction, { daysAllowed: request.daysAllowed ?? jurisdiction.response.days, daysUsed: request.daysUsed, clockRunningSince: request.clockRunningSince });
  },
});

/** The decision on expedited processing, when it was asked for and the law sets a period. */
export const expediteDecision = <I extends { receivedAt: string }>(): Rule<I> => ({
  kind: 'expedite-decision-due', label: 'Decision on expedited processing due', firesEvent: 'disclosure.request.expedite-decision-overdue',
  due: ({ case: request, input }) => {
    const jurisdiction = jurisdictionOf(request.jurisdiction);
    return request.expedited && jurisdiction.expedite ? dueAfter(jurisdiction, jurisdiction.expedite, input.receivedAt, jurisdiction.expedite.days) : null;
  },
});

const ADVERSE: readonly Outcome[] = ['partial', 'rejected', 'no-documents'];

/** The requester's appeal window after an adverse determination (FOIA: not less than 90 days). */
export const appealWindow = <I extends { outcome: Outcome }>(): Rule<I> => ({
  kind: 'appeal-due', label: 'Appeal due', firesEvent: 'disclosure.request.appeal-window-closed',
  due: ({ case: request, input, occurredAt }) => {
    const jurisdiction = jurisdictionOf(request.jurisdiction);
    return jurisdiction.appeal && ADVERSE.includes(input.outcome) ? dueAfter(jurisdiction, jurisdiction.appeal, localDateOf(jurisdiction, occurredAt), jurisdiction.appeal.days) : null;
  },
});

/** The appeal body's period to decide. */
export const appealDecision = <I>(): Rule<I> => ({
  kind: 'appeal-decision-due', label: 'Appeal decision due', firesEvent: OVERDUE_EVENT, onFire: 'flag-overdue',
  due: ({ case: request, occurredAt }) => {
    const jurisdiction = jurisdictionOf(request.jurisdiction);
    return jurisdiction.appealDecision ? dueAfter(jurisdiction, jurisdiction.appealDecision, localDateOf(jurisdiction, occurredAt), jurisdiction.appealDecision.days) : null;
  },
});

export const CLOCK_KINDS = ['response-due', 'expedite-decision-due', 'appeal-decision-due'] as const;
