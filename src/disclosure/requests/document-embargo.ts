import { randomUUID } from 'node:crypto';
import { dueInCalendarDays } from '../../kernel/deadlines/due.js';
import type { DisclosureRequest } from './disclosure-request.js';
import { jurisdictionOf } from './jurisdictions.js';
import { datePlus } from './request-clock.js';
import type { DisclosureRequestsTransaction } from './requests-transaction.js';

/** How long a received document stays private when the requester names no date. */
export const DEFAULT_EMBARGO_DAYS = 30;
/** How long before an embargo ends the requester is told (and may extend it once). */
export const EMBARGO_NOTICE_DAYS = 7;
/** The longest one extension may add. */
export const EMBARGO_EXTENSION_MAX_DAYS = 90;

/**
 * Keeps one notice and one end deadline per request, for the earliest embargo still running:
 * after every upload, extension and publication the two are stopped and started again, so the
 * tick always fires the next one due (and a request's iCalendar feed shows it).
 */
export async function scheduleEmbargoDeadlines(tx: DisclosureRequestsTransaction, request: DisclosureRequest, now: string): Promise<void> {
  await tx.deadlines.stop('disclosure-request', request.id, ['embargo-notice', 'embargo-end'], now, 'embargo rescheduled');
  const pending = (await tx.requests.documents(request.id)).filter((d) => d.publishedAt === null).sort((a, b) => (a.embargoUntil < b.embargoUntil ? -1 : 1));
  const next = pending[0];
  if (!next) return;
  const calendar = jurisdictionOf(request.jurisdiction).calendar;
  const end = dueInCalendarDays(calendar, next.embargoUntil, 0);
  const base = { caseType: 'disclosure-request', caseId: request.id, calendar: calendar.id, state: 'open' as const, startedAt: now, firedAt: null, stoppedAt: null, stopReason: null };
  await tx.deadlines.start({ ...base, id: randomUUID(), kind: 'embargo-end', label: `Embargo ends: ${next.fileName} is published`, dueAt: end.dueAt, dueDate: end.dueDate ?? null, firesEvent: 'disclosure.document.embargo-ended', onFire: 'publish-documents' });
  const unnoticed = pending.find((d) => d.noticeSentAt === null);
  if (unnoticed) {
    const notice = dueInCalendarDays(calendar, datePlus(unnoticed.embargoUntil, -EMBARGO_NOTICE_DAYS), 0);
    await tx.deadlines.start({ ...base, id: randomUUID(), kind: 'embargo-notice', label: `Embargo of ${unnoticed.fileName} ends in ${EMBARGO_NOTICE_DAYS} days`, dueAt: notice.dueAt, dueDate: notice.dueDate ?? null, firesEvent: 'disclosure.document.embargo-ending', onFire: 'note-embargo-ending' });
  }
}
