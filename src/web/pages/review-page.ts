import type { ChangeRow } from '../../registry/registry-store.js';
import type { RecordRef } from '../../registry/views.js';
import { formatTimestamp } from '../components/format-date.js';
import { html, type SafeHtml } from '../components/html.js';
import { csrfField, layout, type PageFrame } from '../components/layout.js';
import { recordLink } from '../components/record-link.js';
import { fieldDiff } from '../components/field-diff.js';
import { fieldChanges } from '../../registry/changes/field-changes.js';
import { recordTypeLabel } from '../../registry/labels.js';

/** A pending change and the record it would change, as stored now (null for a new record). */
export interface PendingChange {
  readonly change: ChangeRow;
  readonly current: Readonly<Record<string, unknown>> | null;
  /** For a delisting: the listed organisation or person. */
  readonly subject?: RecordRef | null;
  /** Names of the records the proposal and the stored record refer to (sources by title). */
  readonly names?: ReadonlyMap<string, string>;
}

export interface ReviewView {
  readonly pending: readonly PendingChange[];
  readonly total: number;
  /** Whether the reader may accept and reject (editors), or only look (analysts). */
  readonly canReview: boolean;
  readonly done?: 'accepted' | 'rejected' | 'proposed' | undefined;
}

function objectField(data: unknown, name: string): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  return Object.entries(data).find(([key]) => key === name)?.[1];
}

function asRecord(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : {};
}

function valueText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  return JSON.stringify(value);
}

function proposal({ change, current, subject, names }: PendingChange): SafeHtml {
  if (change.action === 'delist') {
    const d = current ?? {};
    return html`<p>Delist <strong>${recordLink(subject, valueText(d['subject']))}</strong> from ${valueText(d['authority'])} ${valueText(d['list'])} (listed ${valueText(d['listed'])}).</p>
<dl class="facts"><dt>Delisted on</dt><dd>${valueText(objectField(change.data, 'delisted'))}</dd>
<dt>Reason</dt><dd>${valueText(objectField(change.data, 'reason')) || html`<span class="muted">none given</span>`}</dd>
<dt>Sources</dt><dd>${valueText(objectField(change.data, 'sources'))}</dd></dl>`;
  }
  return fieldDiff(fieldChanges(change.recordType, current, asRecord(objectField(change.data, 'record')), { all: true, ...(names ? { names } : {}) }), { before: 'Now', after: 'Proposed' });
}

function reviewForms(frame: PageFrame, change: ChangeRow): SafeHtml {
  const form = (verb: 'accept' | 'reject', label: string, style: string) => html`<form method="post" action="/review/${change.id}/${verb}" class="review-form">
${csrfField(frame.auth)}
<p><label for="${verb}-note-${change.id}">Note${verb === 'reject' ? ' (why)' : ''} <span class="muted">(optional)</span></label>
<textarea id="${verb}-note-${change.id}" name="note" rows="2" maxlength="2000"></textarea></p>
<p><button type="submit" class="${style}">${label}</button></p>
</form>`;
  return html`<div class="review-forms">${form('accept', 'Accept and publish', '')}${form('reject', 'Reject', 'secondary')}</div>`;
}

/** "New organization: Acme Ltd. (acme)", "Change to person …", "Delisting of designation …". */
function heading({ change, current }: PendingChange): SafeHtml {
  const proposed = asRecord(objectField(change.data, 'record'));
  const name = valueText(proposed['name'] ?? proposed['title'] ?? current?.['name'] ?? current?.['title']);
  const what = change.action === 'delist' ? `Delisting of ${recordTypeLabel(change.recordType)}` : `${current ? 'Change to' : 'New'} ${recordTypeLabel(change.recordType)}`;
  return html`${what}${name ? html`: ${name}` : ''} <code>${change.recordId}</code>`;
}

function pendingArticle(frame: PageFrame, item: PendingChange, canReview: boolean): SafeHtml {
  const { change } = item;
  const note = valueText(objectField(change.data, 'note'));
  return html`<article class="change" id="change-${change.id}">
<h2>${heading(item)}</h2>
<p class="meta">Proposed ${formatTimestamp(change.proposedAt)} by <code>${change.proposedBy}</code> · change <code>${change.id}</code></p>
${note ? html`<p class="proposal-note">Analyst's note: ${note}</p>` : ''}
${proposal(item)}
${canReview ? reviewForms(frame, change) : ''}
</article>`;
}

/**
 * The review queue: every pending change, the proposed record next to the stored one. Editors
 * accept (the change is applied and published) or reject it; analysts see the queue read-only.
 * Nothing here is public until accepted.
 *
 * @example
 * c.html(reviewPage(frame, { pending, total, canReview: can(actor, 'change.review') }).toString());
 */
export function reviewPage(frame: PageFrame, view: ReviewView): SafeHtml {
  const main = html`<h1>Review proposed changes</h1>
${view.done ? html`<p class="notice" role="status">${view.done === 'proposed' ? 'Your proposal was sent: it waits below for an editor.' : `The change was ${view.done === 'accepted' ? 'accepted and published' : 'rejected'}.`}</p>` : ''}
${html`<p><a href="/propose">Propose a record</a></p>`}
${view.canReview ? '' : html`<p class="note">You can read the queue; only editors can accept or reject changes.</p>`}
<p class="result-count">${view.total} pending ${view.total === 1 ? 'change' : 'changes'}${view.pending.length < view.total ? `, the oldest ${view.pending.length} shown` : ''}</p>
${view.pending.length === 0 ? html`<p class="muted">Nothing waits for review.</p>` : view.pending.map((p) => pendingArticle(frame, p, view.canReview))}`;
  return layout(frame, { title: 'Review', main });
}
