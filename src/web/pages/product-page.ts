import type { ProductView } from '../../registry/views.js';
import { proposeChangeLink } from '../components/propose-change-link.js';
import { changeHistory } from '../components/change-history.js';
import { Citations } from '../components/citations.js';
import { html, type SafeHtml } from '../components/html.js';
import { incidentList } from '../components/incident-list.js';
import { layout, type PageFrame } from '../components/layout.js';
import { recordLink } from '../components/record-link.js';
import { statusBadge } from '../components/status-badge.js';
import { transparencyLogSection } from '../components/transparency-log-section.js';
import type { TransparencyLogEntry } from '../portal-dependencies.js';

/**
 * A product's page: its vendor, what it can do (as its sources describe it), the documented
 * abuse it was used in, sources and history.
 *
 * @example
 * c.html(productPage(frame, await readProduct(db, 'graphite'), undefined).toString());
 */
export function productPage(frame: PageFrame, view: ProductView, logEntries: readonly TransparencyLogEntry[] | undefined): SafeHtml {
  const p = view.product;
  const citations = new Citations(view.sources);
  const main = html`<article class="record">
<header class="record-header">
<p class="record-type">Product</p>
<h1>${p.name} ${statusBadge(p.status)}</h1>
${proposeChangeLink(frame, 'product', p.id)}
</header>
<dl class="facts">
<dt>Vendor</dt><dd>${recordLink(view.vendor, p.vendor)}</dd>
${p.aliases && p.aliases.length > 0 ? html`<dt>Also known as</dt><dd><ul class="inline-list">${p.aliases.map((a) => html`<li>${a}</li>`)}</ul></dd>` : ''}
${p.notes ? html`<dt>Notes</dt><dd>${p.notes}</dd>` : ''}
<dt>Sources</dt><dd>${citations.cite(p.sources)}</dd>
</dl>
<section aria-labelledby="capabilities-heading">
<h2 id="capabilities-heading">Capabilities</h2>
${p.capabilities.length === 0 ? html`<p class="muted">No capabilities recorded.</p>` : html`<ul class="capabilities">${p.capabilities.map((c) => html`<li>${c}</li>`)}</ul>`}
</section>
<section aria-labelledby="incidents-heading">
<h2 id="incidents-heading">Documented abuse</h2>
${incidentList(view.incidents, citations)}
</section>
${citations.list()}
${changeHistory(view.history)}
${transparencyLogSection(`product:${p.id}`, logEntries)}
</article>`;
  return layout(frame, { title: p.name, description: `${p.name}: vendor, capabilities and documented abuse, with sources.`, main });
}
