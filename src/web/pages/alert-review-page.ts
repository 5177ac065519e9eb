import type { Alert } from '../../procurement/alerts/alert.js';
import { alertTabs } from '../components/alert-tabs.js';
import { html, type SafeHtml } from '../components/html.js';
import { csrfField, layout, type PageFrame } from '../components/layout.js';
import { pagination } from '../components/pagination.js';
import { procurementAlert } from '../components/procurement-alert.js';

export interface AlertReviewView {
  readonly pending: readonly Alert[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  /** What was just decided, to confirm it after the redirect. */
  readonly done?: 'confirmed' | 'dismissed' | undefined;
}

function reviewForm(frame: PageFrame, alert: Alert): SafeHtml {
  return html`<form method="post" action="/alerts/${alert.id}/review" class="review-form">
${csrfField(frame.auth)}
<p><label for="note-${alert.id}">Note for the record <span class="muted">(optional)</span></label>
<textarea id="note-${alert.id}" name="note" rows="2" maxlength="2000"></textarea></p>
<p class="buttons"><button type="submit" name="decision" value="confirm">Confirm: it is this vendor</button>
<button type="submit" name="decision" value="dismiss" class="secondary">Dismiss: a different company</button></p>
</form>`;
}

/**
 * The alerts' review queue, for analysts: weak screening matches (a name like a listed vendor's
 * without an identifier to prove it), each with why it matched and a form to confirm it (the
 * contract is recorded and the alert published) or dismiss it. Both decisions are logged.
 *
 * @example
 * c.html(alertReviewPage(frame, { pending, total, limit: 20, offset: 0 }).toString());
 */
export function alertReviewPage(frame: PageFrame, view: AlertReviewView): SafeHtml {
  const items = view.pending.map((a) => procurementAlert(a, { heading: 'h2', contractRecorded: false, forAnalysts: true, actions: reviewForm(frame, a) }));
  const main = html`<h1>Procurement alerts</h1>
${alertTabs('review', view.total)}
${view.done ? html`<p class="notice" role="status">The match was ${view.done === 'confirmed' ? 'confirmed: its contract is recorded and the alert published' : 'dismissed'}.</p>` : ''}
<p class="lede">Weak matches wait here for an analyst: a contractor whose name resembles a listed vendor's, without an identifier that settles it. Nothing here is public until confirmed.</p>
<p class="result-count">${view.total} ${view.total === 1 ? 'match waits' : 'matches wait'} for review</p>
${items.length === 0 ? html`<p class="muted">Nothing waits for review.</p>` : items}
${pagination(view, (offset) => `/alerts/review${offset ? `?offset=${offset}` : ''}`)}`;
  return layout(frame, { title: 'Alert review queue', main });
}
