import type { TransactionRecord } from '../../registry/registry-record.js';

const DAY = 24 * 3600 * 1000;

/** The day a possibly reduced ISO date starts and ends (`2025-09` spans September). */
function span(date: string): [number, number] {
  const [y = 0, m, d] = date.split('-').map(Number);
  if (m === undefined) return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1) - 1];
  if (d === undefined) return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1) - 1];
  const t = Date.UTC(y, m - 1, d);
  return [t, t];
}

/** Whether two dates can describe the same action: overlapping, or at most `days` apart. */
export function datesCompatible(a: string, b: string, days = 45): boolean {
  const [a0, a1] = span(a);
  const [b0, b1] = span(b);
  return a0 <= b1 + days * DAY && b0 <= a1 + days * DAY;
}

/**
 * Which registry transaction a procurement action is: the one with its USAspending key, or else a
 * sourced transaction of the same event with no key yet and a compatible date (the press may
 * date a stop-work lift to the month it was reported) — if exactly one. Null means new.
 *
 * @example
 * reconcileTransaction(existing, { transactionKey: '7012_…_P00002_…', event: 'stop-work-lifted', date: '2025-08-29' });
 */
export function reconcileTransaction(existing: readonly TransactionRecord[], action: { transactionKey: string; event: string; date: string }): TransactionRecord | null {
  const byKey = existing.find((t) => t.transactionKey === action.transactionKey);
  if (byKey) return byKey;
  const candidates = existing.filter((t) => !t.transactionKey && t.event === action.event && (t.date === undefined || datesCompatible(t.date, action.date)));
  return candidates.length === 1 ? (candidates[0] ?? null) : null;
}
