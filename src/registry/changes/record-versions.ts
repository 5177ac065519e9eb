import type { ChangeRow } from '../registry-store.js';

type Fields = Readonly<Record<string, unknown>>;

function fields(value: unknown): Fields | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : null;
}

/** The record a change left behind, given the version before it. */
function versionAfter(change: ChangeRow, before: Fields | null): Fields | null {
  const data = fields(change.data);
  if (data === null) return before;
  if (change.action === 'status') return { ...(before ?? {}), status: data['status'] };
  // An accepted proposal keeps `{ record, note }`; a direct write, the record itself.
  const proposed = fields(data['record']);
  if (change.action === 'upsert') return proposed ?? data;
  // A delisting proposal carries only its date, reason and sources.
  if ('delisted' in data && !('subject' in data)) {
    return { ...(before ?? {}), delisted: data['delisted'], ...(typeof data['reason'] === 'string' ? { delistingReason: data['reason'] } : {}) };
  }
  return data;
}

/**
 * Each applied change of one record with the version before and after it, rebuilt oldest first
 * from the history (every write carries the whole record; a status change, the new status). The
 * first change has no version before it: it created the record.
 *
 * @example
 * recordVersions(view.history).get(change.id); // { before: { … }, after: { … } }
 */
export function recordVersions(history: readonly ChangeRow[]): Map<string, { before: Fields | null; after: Fields | null }> {
  const out = new Map<string, { before: Fields | null; after: Fields | null }>();
  let current: Fields | null = null;
  for (const change of [...history].reverse()) {
    const next = versionAfter(change, current);
    out.set(change.id, { before: current, after: next });
    current = next;
  }
  return out;
}
