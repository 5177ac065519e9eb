import type { Alert } from '../../procurement/alerts/alert.js';
import { recordUrl } from '../../registry/search/search-result.js';
import { alertTitle } from '../../server/api/routes/alert-routes.js';
import { presentAlert } from '../../server/api/presenters/alert-presenter.js';
import { contractEventName } from './contract-details.js';
import { dateText } from './date-text.js';
import { formatAmount } from './format-amount.js';
import { formatTimestamp } from './format-date.js';
import { html, type SafeHtml } from './html.js';
import { safeHref } from './safe-href.js';

/** How an alert is shown: its heading level, and whether its contract has a page yet. */
export interface AlertDisplay {
  readonly heading: 'h2' | 'h3';
  /** A review item's contract is recorded only once confirmed: until then there is no page to link. */
  readonly contractRecorded: boolean;
  /** Review items show the match score and where the transaction was read. */
  readonly forAnalysts?: boolean;
  /** Whether to link the alert's own page (not on that page itself). */
  readonly permalink?: boolean;
  /** What the reader can do about it (the review queue's confirm and dismiss form). */
  readonly actions?: SafeHtml;
}

function reviewLine(alert: Alert): SafeHtml {
  if (!alert.reviewedAt) return html``;
  const what = alert.status === 'confirmed' ? 'Confirmed' : alert.status === 'dismissed' ? 'Dismissed' : 'Reviewed';
  return html`<p class="review-note">${what} by an analyst on ${formatTimestamp(alert.reviewedAt)}${alert.reviewNote ? html`: ${alert.reviewNote}` : ''}</p>`;
}

/**
 * One procurement alert: what happened (award, stop-work order …), when, which agency, how much,
 * the organisation and contract it concerns with links to their pages and to USAspending, and why
 * the screening matched it — every reason in words an analyst can check.
 *
 * @example
 * html`<ol class="alert-list">${alerts.map((a) => html`<li>${procurementAlert(a, { heading: 'h2', contractRecorded: true })}</li>`)}</ol>`;
 */
export function procurementAlert(alert: Alert, display: AlertDisplay): SafeHtml {
  const shown = presentAlert(alert);
  const usaspending = safeHref(shown.usaspendingUrl);
  const title = alertTitle(alert);
  const heading = display.heading === 'h2' ? html`<h2 id="alert-${alert.id}-title">${title}</h2>` : html`<h3 id="alert-${alert.id}-title">${title}</h3>`;
  const modification = alert.modification && alert.modification !== '0' ? html`, modification <code>${alert.modification}</code>` : '';
  return html`<article class="alert alert-${alert.status}" id="alert-${alert.id}" aria-labelledby="alert-${alert.id}-title">
${heading}
<p class="meta">${dateText(alert.actionDate)} · ${shown.agency || 'a federal agency'} · ${formatAmount(alert.amount, 'USD')}${display.permalink === false ? '' : html` · <a href="/alerts/${alert.id}" class="permalink">Permalink</a>`}</p>
${alert.retraction ? html`<p class="retraction" role="note"><strong>Retracted:</strong> ${alert.retraction.reason}</p>` : ''}
<dl class="facts">
<dt>Event</dt><dd class="event-${alert.event}">${contractEventName(alert.event)}</dd>
<dt>Organization</dt><dd><a href="${recordUrl('organization', alert.organizationId)}">${alert.organizationName}</a></dd>
<dt>Contract</dt><dd>${display.contractRecorded ? html`<a href="${shown.contractUrl}">${alert.piid}</a>` : html`<code>${alert.piid}</code> <span class="muted">(not in the registry)</span>`}${modification}</dd>
${shown.description ? html`<dt>Description</dt><dd>${shown.description}</dd>` : ''}
<dt>USAspending</dt><dd>${usaspending ? html`<a class="external" href="${usaspending}" rel="noopener noreferrer">Award on USAspending.gov</a>` : html`<span class="unsafe-url">${shown.usaspendingUrl}</span>`}</dd>
<dt>Why it matched</dt><dd><ul class="reasons">${alert.reasons.map((r) => html`<li>${r}</li>`)}</ul></dd>
${display.forAnalysts ? html`<dt>Match score</dt><dd>${alert.score.toFixed(2)}</dd><dt>Read from</dt><dd><code>${alert.origin}</code></dd>` : ''}
</dl>
${reviewLine(alert)}
${display.actions ?? ''}
</article>`;
}
