import { beyondScope, type DataCategory } from '../authorizations/data-categories.js';
import { dayOf, type ReviewApproval } from '../authorizations/review-approval.js';
import type { Authorization } from '../authorizations/authorization.js';
import type { FindingKind } from './use.js';

/** A finding a use raises when it is recorded, before it has an id. */
export interface UseFlag {
  readonly kind: FindingKind;
  readonly detail: string;
}

/**
 * What is wrong with a use, judged when it is recorded: it cites no authorisation on record, it
 * happened outside the window, it collected beyond the scope, its approval was not active, or it
 * happened before operational use opened. A use is never refused for these — it is recorded and
 * each flag becomes a public finding (the record never hides a violation).
 *
 * @example
 * useFlags({ occurredAt: '2026-01-05T10:00:00Z', dataCategories: ['location'] }, authorization, approval);
 */
export function useFlags(
  use: { readonly occurredAt: string; readonly dataCategories: readonly DataCategory[]; readonly cited: string },
  authorization: Authorization | null,
  approval: ReviewApproval | null,
): UseFlag[] {
  if (authorization === null) return [{ kind: 'use-without-authorization', detail: `cites ${use.cited}, which is no authorisation on record` }];
  const flags: UseFlag[] = [];
  const day = dayOf(use.occurredAt);
  if (day < authorization.validFrom || day > authorization.validTo) {
    flags.push({ kind: 'use-outside-window', detail: `on ${day}; authorisation ${authorization.id} runs ${authorization.validFrom} to ${authorization.validTo}` });
  }
  const beyond = beyondScope(use.dataCategories, authorization.dataCategories);
  if (beyond.length > 0) flags.push({ kind: 'use-beyond-scope', detail: `collected ${beyond.join(', ')}, outside the scope (${authorization.dataCategories.join(', ')})` });
  if (approval === null || !approval.active) {
    flags.push({ kind: 'use-under-suspended-approval', detail: `acquisition review ${authorization.review} was ${approval?.status ?? 'missing'} when the use was recorded` });
  }
  if (approval?.useOpensOn == null || day < approval.useOpensOn) {
    flags.push({ kind: 'use-before-notice-clock', detail: approval?.useOpensOn ? `on ${day}; operational use opened on ${approval.useOpensOn}` : `on ${day}; no notice to the APNSA was on record` });
  }
  return flags;
}
