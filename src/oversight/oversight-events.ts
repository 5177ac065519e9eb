import { z } from 'zod';
import { defineEvent, type EventDefinition } from '../ledger/catalogue/event-definition.js';
import { stepEventData } from '../ledger/catalogue/step-event-data.js';
import { acquisitionReviewSchema, DECISIONS, FACTOR_KINDS, STEP_KINDS } from './reviews/acquisition-review.js';
import type { OversightTransaction } from './oversight-transaction.js';

/** Every review entry carries the review after the step, whole, and the step's own fields. */
const reviewEntryData = stepEventData('review', {
  state: acquisitionReviewSchema,
  factor: z.enum(FACTOR_KINDS).optional(),
  step: z.enum(STEP_KINDS).optional(),
  decision: z.enum(DECISIONS).optional(),
  justification: z.string().optional(),
  notifiedAt: z.string().optional(),
  consentedAt: z.string().optional(),
  reason: z.string().optional(),
  exemption: z.string().optional(),
  waiver: z.string().optional(),
  /** The registry record that made an approval need re-evaluation (`incident:…`, `designation:…`). */
  trigger: z.string().optional(),
});

function reviewEvent(type: string, summary: string, sealed: readonly string[] = []): EventDefinition<unknown, OversightTransaction> {
  return defineEvent({
    type,
    summary,
    data: reviewEntryData,
    sealed,
    replays: 'writes the acquisition review as the entry carries it',
    async replay(data, _meta, tx) {
      await tx.oversight.putReview(acquisitionReviewSchema.parse(Reflect.get(data, 'state')));
    },
  });
}

/** Oversight's entry types: each step of an acquisition review. */
export const oversightEvents: readonly EventDefinition<unknown, OversightTransaction>[] = [
  reviewEvent('oversight.review.opened', 'An agency opened an acquisition review of a spyware product under EO 14093; its risk factors arrive pre-filled from the registry.'),
  reviewEvent('oversight.review.factor-answered', 'An officer answered a risk factor with evidence.'),
  reviewEvent('oversight.review.dni-assessment-reviewed', "The agency reviewed the Director of National Intelligence's assessment."),
  reviewEvent('oversight.review.dni-information-requested', 'The agency asked the DNI for more information.'),
  reviewEvent('oversight.review.dni-information-answered', 'The DNI answered the request for more information.'),
  reviewEvent('oversight.review.due-diligence-completed', "The vendor due diligence against the State Department's business and human rights guidance was completed."),
  reviewEvent('oversight.review.determined', "The agency's certifying official approved (with or without conditions) or denied; a justification, if any, is published; a classified part of it is sealed.", ['sealedJustification']),
  reviewEvent('oversight.review.notice-given', 'The agency gave notice to the APNSA; operational use may start 7 calendar days later or on consent.'),
  reviewEvent('oversight.review.consent-recorded', 'The APNSA consented to operational use.'),
  reviewEvent('oversight.review.stop-work-ordered', 'A stop-work order was issued, with its reason.'),
  reviewEvent('oversight.review.stop-work-lifted', 'The stop-work order was lifted, with its reason.'),
  reviewEvent('oversight.review.exemption-recorded', 'An exempt purchase (testing, research, cybersecurity, countermeasures, investigating the spyware) was recorded; notice to the APNSA is due within 45 days.'),
  reviewEvent('oversight.review.exemption-notice-given', 'The notice to the APNSA of an exempt purchase was given.'),
  reviewEvent('oversight.review.waiver-granted', 'A waiver of at most one year was granted; notice to the President is due within 72 hours.'),
  reviewEvent('oversight.review.waiver-notice-given', 'The notice of a waiver to the President was given.'),
  reviewEvent('oversight.review.waiver-expired', 'A waiver expired.'),
  reviewEvent('oversight.review.re-evaluation-required', 'The registry recorded a new incident or designation touching the product, the vendor or its corporate family: the approval needs re-evaluation.'),
];
