import type { IncidentView } from '../../registry/views.js';
import { proposeChangeLink } from '../components/propose-change-link.js';
import { countryName, targetCategoryLabel } from '../../registry/labels.js';
import { changeHistory } from '../components/change-history.js';
import { Citations } from '../components/citations.js';
import { dateText } from '../components/date-text.js';
import { html, type SafeHtml } from '../components/html.js';
import { layout, type PageFrame } from '../components/layout.js';
import { recordLink } from '../components/record-link.js';
import { statusBadge } from '../components/status-badge.js';
import { transparencyLogSection } from '../components/transparency-log-section.js';
import type { TransparencyLogEntry } from '../portal-dependencies.js';

/**
 * An incident's page: what happened, when and where, who was targeted, who confirmed it
 * forensically, which products and vendors it involved, sources and history.
 *
 * @example
 * c.html(incidentPage(frame, await readIncident(db, 'graphite-italy-2025'), undefined).toString());
 */
export function incidentPage(frame: PageFrame, view: IncidentView, logEntries: readonly TransparencyLogEntry[] | undefined): SafeHtml {
  const i = view.incident;
  const citations = new Citations(view.sources);
  const main = html`<article class="record">
<header class="record-header">
<p class="record-type">Incident</p>
<h1>${i.title} ${statusBadge(i.status)}</h1>
${proposeChangeLink(frame, 'incident', i.id)}
</header>
${i.summary ? html`<p class="summary">${i.summary} ${citations.cite(i.sources)}</p>` : ''}
<dl class="facts">
<dt>Date</dt><dd>${dateText(i.date)}</dd>
${i.countries.length > 0 ? html`<dt>Countries</dt><dd>${i.countries.map(countryName).join(', ')}</dd>` : ''}
${i.targetCategories.length > 0 ? html`<dt>Targets</dt><dd>${i.targetCategories.map(targetCategoryLabel).join(', ')}</dd>` : ''}
${i.forensicConfirmation ? html`<dt>Forensic confirmation</dt><dd>${i.forensicConfirmation}</dd>` : ''}
${view.products.length > 0 ? html`<dt>Products</dt><dd><ul class="inline-list">${view.products.map((p) => html`<li>${recordLink(p)}</li>`)}</ul></dd>` : ''}
${view.vendors.length > 0 ? html`<dt>Vendors</dt><dd><ul class="inline-list">${view.vendors.map((v) => html`<li>${recordLink(v)}</li>`)}</ul></dd>` : ''}
${i.notes ? html`<dt>Notes</dt><dd>${i.notes}</dd>` : ''}
<dt>Sources</dt><dd>${citations.cite(i.sources)}</dd>
</dl>
${citations.list()}
${changeHistory(view.history)}
${transparencyLogSection(`incident:${i.id}`, logEntries)}
</article>`;
  return layout(frame, { title: i.title, description: `${i.title}: documented abuse of surveillance technology, with sources.`, main });
}
