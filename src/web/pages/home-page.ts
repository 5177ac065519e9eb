import type { RecordType } from '../../registry/schemas/common.js';
import { recordUrl } from '../../registry/search/search-result.js';
import type { HomePanels } from '../../registry/home-panels.js';
import { designationListLabel } from '../../registry/labels.js';
import { authorityName } from '../components/authority-name.js';
import { contractEventName } from '../components/contract-details.js';
import { dateText } from '../components/date-text.js';
import { formatAmount } from '../components/format-amount.js';
import { html, type SafeHtml } from '../components/html.js';
import { incidentList } from '../components/incident-list.js';
import { layout, type PageFrame } from '../components/layout.js';
import { recordLink } from '../components/record-link.js';
import { incidentMap } from '../components/charts/incident-map.js';
import { ALERTS_FEED } from './alerts-page.js';

const COUNTED: readonly [RecordType, string, string][] = [
  ['organization', 'organization', 'organizations'],
  ['person', 'person', 'people'],
  ['product', 'product', 'products'],
  ['designation', 'designation', 'designations'],
  ['incident', 'incident', 'incidents'],
  ['contract', 'contract', 'contracts'],
  ['source', 'source', 'sources'],
];

function counts(view: HomePanels): SafeHtml {
  const items = COUNTED.map(([type, one, many]) => {
    const n = view.counts[type] ?? 0;
    const href = `/${many}`;
    return html`<li><a href="${href}"><strong>${n}</strong> ${n === 1 ? one : many}</a></li>`;
  });
  return html`<ul class="counts" aria-label="What the registry holds">${items}</ul>`;
}

function designationEvents(view: HomePanels): SafeHtml {
  if (view.designationEvents.length === 0) return html`<p class="muted">No designations recorded.</p>`;
  const rows = view.designationEvents.map((e) => html`<li class="timeline-${e.kind}">
<span class="event-kind">${e.kind === 'listed' ? 'Listed' : 'Delisted'}</span> ${dateText(e.date)}
<span class="event-subject">${recordLink(e.subject)} — <span class="designation-list">${authorityName(e.authority)} ${designationListLabel(e.list)}</span></span>
</li>`);
  return html`<ol class="timeline">${rows}</ol><p><a href="/designations">All designations →</a></p>`;
}

function contractEvents(view: HomePanels): SafeHtml {
  if (view.contractEvents.length === 0) return html`<p class="muted">No contract events recorded.</p>`;
  const rows = view.contractEvents.map((t) => html`<li>
${dateText(t.date)} · <strong>${contractEventName(t.event)}</strong> of <a href="${recordUrl('contract', t.piid)}">contract ${t.piid}</a>
${t.recipient ? html` with ${recordLink(t.recipient)}` : ''}${t.amount !== null ? html` · ${formatAmount(t.amount, t.currency ?? undefined)}` : ''}
</li>`);
  return html`<ul class="record-list">${rows}</ul>`;
}

function latestAlerts(view: HomePanels): SafeHtml {
  const feed = html`<a href="${ALERTS_FEED.href}" type="${ALERTS_FEED.type}">Atom feed</a>`;
  if (view.alerts.length === 0) return html`<p class="muted">No procurement alerts yet.</p><p>${feed}</p>`;
  const rows = view.alerts.map((a) => {
    const contract = a.contractRecorded ? html`<a href="${recordUrl('contract', a.piid)}">contract ${a.piid}</a>` : html`contract ${a.piid}`;
    return html`<li>${dateText(a.actionDate)} · <strong>${contractEventName(a.event)}</strong> of ${contract} with <a href="${recordUrl('organization', a.organizationId)}">${a.organizationName}</a> · ${formatAmount(a.amount, 'USD')}</li>`;
  });
  return html`<ul class="record-list">${rows}</ul><p><a href="/alerts">All procurement alerts →</a> · ${feed}</p>`;
}

/**
 * The front page: what the registry holds, and what changed lately — listings and delistings,
 * procurement alerts, documented abuse (with a map of where its targets were), contract awards
 * and modifications.
 *
 * @example
 * c.html(homePage(frame, await homePanelsCache.get()).toString());
 */
export function homePage(frame: PageFrame, view: HomePanels): SafeHtml {
  const main = html`<section class="intro">
<h1>Who sells surveillance technology, who buys it, and under what authority</h1>
<p>A public registry of commercial spyware vendors, their owners and products, export-control and sanctions designations, documented abuse, and the government contracts that buy them. Every fact links to its sources; every change is recorded.</p>
${counts(view)}
</section>
<div class="columns">
<section aria-labelledby="latest-designations">
<h2 id="latest-designations">Latest designations</h2>
${designationEvents(view)}
</section>
<section aria-labelledby="latest-contracts">
<h2 id="latest-contracts">Contract events</h2>
${contractEvents(view)}
</section>
</div>
<section aria-labelledby="latest-alerts">
<h2 id="latest-alerts">Procurement alerts</h2>
${latestAlerts(view)}
</section>
<section aria-labelledby="latest-incidents">
<h2 id="latest-incidents">Documented abuse</h2>
${incidentMap(view.incidentCountries)}
${incidentList(view.incidents)}
</section>`;
  return layout(frame, { title: 'Surveillance technology registry', description: 'Who sells surveillance technology, who buys it, and under what authority — every fact with its source.', main, alternates: [ALERTS_FEED] });
}
