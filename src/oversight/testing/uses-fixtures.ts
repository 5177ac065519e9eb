import type { Actor } from '../../accounts/actor.js';
import type { CommandContext } from '../../accounts/command-context.js';
import type { ScopedRole } from '../../accounts/scoped-roles.js';
import { openReview, runReviewStep } from '../reviews/review-commands.js';
import type { OversightTransaction } from '../oversight-transaction.js';
import type { AuthorizationRequest } from '../authorizations/authorization-input.js';

/** A user holding one scoped role of one agency. */
export function staffOf(role: ScopedRole, agency: string, name: string = `${role}-${agency}`): Actor {
  return { kind: 'user', userId: `user-${name}`, actorId: `actor-${name}`, role: 'contributor', grants: [{ role, scope: { kind: 'agency', id: agency } }] };
}

/**
 * An acquisition review taken as far as asked: opened, due diligence done, the APNSA notified on
 * `notifiedAt` (use opens 7 days later) and approved with a justification — or left open.
 */
export async function givenReview(tx: OversightTransaction, ctx: (actor: Actor) => CommandContext, w: { agency: string; product: string; vendor: string }, options: { notifiedAt?: string; approve?: boolean } = {}): Promise<string> {
  const officer = staffOf('officer', w.agency);
  const review = await openReview({ ctx: ctx(officer), input: { agency: w.agency, product: w.product, vendor: w.vendor, purpose: 'Investigations of serious crime under warrant', requestedStart: '2026-01-01' } }, tx);
  if (options.notifiedAt) {
    await runReviewStep({ ctx: ctx(officer), id: review.id, action: 'complete-due-diligence', input: { on: options.notifiedAt, note: 'State Department guidance applied' } }, tx);
    await runReviewStep({ ctx: ctx(officer), id: review.id, action: 'notice', input: { notifiedAt: options.notifiedAt } }, tx);
  }
  if (options.approve ?? true) {
    await runReviewStep({ ctx: ctx(staffOf('certifying-official', w.agency)), id: review.id, action: 'determine', input: { decision: 'approve', justification: 'Narrow use under warrant, reviewed.' } }, tx);
  }
  return review.id;
}

/** An authorisation request that passes every check, with what a test changes. */
export function anAuthorizationRequest(review: string, overrides: Partial<AuthorizationRequest> = {}): AuthorizationRequest {
  return {
    review, offenceCategory: 'drug-offences', validFrom: '2026-03-01', validTo: '2026-03-30', legalAuthority: 'warrant', issuingCourt: 'US District Court, S.D.N.Y.',
    jurisdiction: 'federal', docketNumber: '1:26-mj-00417', target: '+1 212 555 0148', dataCategories: ['messages', 'location'], retentionDays: 30, noticeDate: '2026-06-30',
    ...overrides,
  };
}
