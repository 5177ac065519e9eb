import type { AlertList } from '../../store/procurement/read-alert-list.js';
import type { Alert } from '../../procurement/alerts/alert.js';
import { PROCUREMENT_EVENTS, type ProcurementEvent } from '../../procurement/events/classify-event.js';
import { alertTabs } from '../components/alert-tabs.js';
import { contractEventName } from '../components/contract-details.js';
import { html, type SafeHtml } from '../components/html.js';
import { layout, type AlternateLink, type PageFrame } from '../components/layout.js';
import { pagination, queryString } from '../components/pagination.js';
import { draftButton } from './disclosure-requests-page.js';
import { procurementAlert } from '../components/procurement-alert.js';

/** The alerts' Atom feed, announced in the head of the pages that list alerts. */
export const ALERTS_FEED: AlternateLink = { type: 'application/atom+xml', href: '/feeds/alerts.atom', title: 'Countersign: procurement alerts' };

/** What was asked: the filters and where in the list. */
export interface AlertsRequest {
  readonly organization?: string | undefined;
  readonly event?: ProcurementEvent | undefined;
  readonly offset: number;
}

/** A page of alerts, the contracts among them that have a registry page, and every organisation they name (for the filter). */
export type { AlertList };

export interface AlertsPageView {
  readonly list: AlertList;
  readonly limit: number;
  /** The review queue's size for analysts; null for everyone else, who see no queue at all. */
  readonly queueSize: number | null;
}

function hrefFor(request: AlertsRequest, change: Partial<AlertsRequest>): string {
  const next = { ...request, offset: 0, ...change };
  return `/alerts${queryString({ organization: next.organization, event: next.event, offset: next.offset })}`;
}

function filters(request: AlertsRequest, view: AlertsPageView): SafeHtml {
  const organizations = view.list.organizations.map((o) => html`<option value="${o.id}"${o.id === request.organization ? html` selected` : ''}>${o.name}</option>`);
  const events = PROCUREMENT_EVENTS.map((e) => html`<option value="${e}"${e === request.event ? html` selected` : ''}>${contractEventName(e)}</option>`);
  const filtered = request.organization !== undefined || request.event !== undefined;
  return html`<form class="filters" method="get" action="/alerts" aria-label="Filter the alerts">
<p><label for="alerts-organization">Organization</label>
<select id="alerts-organization" name="organization"><option value="">All organizations</option>${organizations}</select></p>
<p><label for="alerts-event">Event</label>
<select id="alerts-event" name="event"><option value="">All events</option>${events}</select></p>
<p class="buttons"><button type="submit">Filter</button>${filtered ? html` <a href="/alerts">Clear filters</a>` : ''}</p>
</form>`;
}

/**
 * Procurement alerts for everyone: each federal contract action that screening tied to a vendor
 * in the registry (and each weak match an analyst confirmed), newest first, filtered by
 * organisation and event, with the Atom feed. Analysts also get a tab to the review queue.
 *
 * @example
 * c.html(alertsPage(frame, { offset: 0 }, { list, limit: 20, queueSize: null }).toString());
 */
export function alertsPage(frame: PageFrame, request: AlertsRequest, view: AlertsPageView): SafeHtml {
  const { list } = view;
  const items = list.items.map((a) => html`<li>${procurementAlert(a, { heading: 'h2', contractRecorded: list.recordedContracts.has(a.piid), actions: draftButton(frame, 'alert', a.id) })}</li>`);
  const main = html`<h1>Procurement alerts</h1>
${view.queueSize === null ? '' : alertTabs('published', view.queueSize)}
<p class="lede">Federal contract actions that involve a vendor in the registry: new awards, modifications, stop-work orders, terminations. Countersign screens USAspending's contract data against the registry and records each match, with the reasons it matched.</p>
<p class="feed-link"><a href="${ALERTS_FEED.href}" type="${ALERTS_FEED.type}">Subscribe to the Atom feed</a> to hear of new alerts in any feed reader.</p>
${filters(request, view)}
<p class="result-count" role="status">${list.total === 0 ? 'No alerts match.' : `${list.total} ${list.total === 1 ? 'alert' : 'alerts'}`}</p>
${items.length > 0 ? html`<ol class="alert-list" start="${request.offset + 1}">${items}</ol>` : ''}
${pagination({ total: list.total, limit: view.limit, offset: request.offset }, (offset) => hrefFor(request, { offset }))}`;
  return layout(frame, { title: 'Procurement alerts', description: 'Federal contract actions involving spyware and surveillance vendors in the Countersign registry.', main, alternates: [ALERTS_FEED] });
}
