import { US_FEDERAL } from '../../kernel/calendar/presets/us-federal.js';
import { dueInCalendarDays } from '../../kernel/deadlines/due.js';
import type { Due } from '../../kernel/workflow/workflow.js';
import type { Authorization } from './authorization.js';

/** Deadlines on the date an authorisation names: the end of that day (US federal calendar's zone). */
export function onAuthorizationDay(date: string): Due {
  return dueInCalendarDays(US_FEDERAL, date, 0);
}

/** The instant retention ends: the end of `deletionDueOn` (when the `deletion-due` deadline falls due). */
export function retentionEndsAt(a: Pick<Authorization, 'deletionDueOn'>): string {
  return onAuthorizationDay(a.deletionDueOn).dueAt;
}

/**
 * Where an authorisation's sealed target stands under the retention rules:
 *
 * - `held` — retention has not ended (a court-ordered extension of the window moves its end);
 * - `held-for-notice` — retention ended but the target has not been told yet: the identity is
 *   kept, sealed, only so that the notice the law owes them (18 U.S.C. § 2518(8)(d); delayed only
 *   by a recorded court order) can still be sent. Shredding it first would turn the deletion
 *   rule into a way never to tell anyone — the opposite of what the civil-society letter of
 *   31 October 2024 asks for ("notice, accountability, and remedy for victims");
 * - `due` — retention ended and the target was told: shred now;
 * - `shredded` — done (`targetShreddedAt`).
 *
 * Only the target is shredded. The docket number is kept sealed: it names the court's record,
 * not the person, and it is what a court's later unsealing order and a target's challenge need
 * to find; the log's commitment to it must stay openable ("sealed but accountable"). The keyed
 * pseudonym is in the public log and cannot be removed; without the target it names nobody.
 */
export type TargetRetention = 'held' | 'held-for-notice' | 'due' | 'shredded';

/**
 * @example
 * targetRetention(authorization, new Date(), { noticeSent: false }); // 'held-for-notice'
 */
export function targetRetention(a: Pick<Authorization, 'deletionDueOn' | 'noticeGivenAt' | 'targetShreddedAt'>, now: Date, options: { noticeSent?: boolean } = {}): TargetRetention {
  if (a.targetShreddedAt !== null) return 'shredded';
  if (now.getTime() < Date.parse(retentionEndsAt(a))) return 'held';
  return a.noticeGivenAt !== null || options.noticeSent === true ? 'due' : 'held-for-notice';
}
