import type { RecordShapes } from '../../registry/registry-record.js';
import type { RecordType } from '../../registry/schemas/common.js';
import { isLinked } from '../../registry/schemas/source.js';
import { recordUrl } from '../../registry/search/search-result.js';
import { dateText } from '../components/date-text.js';
import { html, type SafeHtml } from '../components/html.js';
import { layout, type PageFrame } from '../components/layout.js';
import { safeHref } from '../components/safe-href.js';
import { statusBadge } from '../components/status-badge.js';
import { transparencyLogSection } from '../components/transparency-log-section.js';
import type { TransparencyLogEntry } from '../portal-dependencies.js';

/** A record that cites the source, with the page it is shown on (null when it has none). */
export interface CitingRecord {
  readonly type: RecordType;
  readonly name: string;
  readonly href: string | null;
}

const GROUPS: readonly [RecordType, string][] = [
  ['organization', 'Organizations'],
  ['person', 'People'],
  ['product', 'Products'],
  ['designation', 'Designations'],
  ['relationship', 'Relationships'],
  ['incident', 'Incidents'],
  ['contract', 'Contracts'],
  ['transaction', 'Contract transactions'],
  ['policy', 'Policies'],
];

function citedBy(records: readonly CitingRecord[]): SafeHtml {
  if (records.length === 0) return html`<p class="muted">No record cites this source yet.</p>`;
  return html`${GROUPS.map(([type, title]) => {
    const members = records.filter((r) => r.type === type);
    if (members.length === 0) return '';
    return html`<h3>${title}</h3><ul class="record-list">${members.map((r) => html`<li>${r.href ? html`<a href="${r.href}">${r.name}</a>` : r.name}</li>`)}</ul>`;
  })}`;
}

/** Where to read the source: its original, its archived copy with the digest, or neither, said so. */
function readIt(source: RecordShapes['source']): SafeHtml {
  const href = safeHref(source.url);
  const original = source.url
    ? html`<dt>Original</dt><dd>${href ? html`<a class="external" href="${href}" rel="noopener noreferrer">${href}</a>` : html`<span class="unsafe-url">${source.url}</span> <span class="muted">(not a web address; not linked)</span>`}</dd>`
    : '';
  const archived = source.file && source.sha256
    ? html`<dt>Archived copy</dt><dd><a href="${recordUrl('source', source.id)}/archive">Read the copy kept with the registry</a> <span class="muted">(<code>${source.file}</code>)</span></dd>
<dt>SHA-256</dt><dd><code class="digest">${source.sha256}</code> <span class="muted">— the digest of the archived copy, as the transparency log records it with this source; check a download with <code>sha256sum</code>.</span></dd>`
    : source.file ? html`<dt>Kept as</dt><dd><code>${source.file}</code> <span class="muted">(no digest recorded, so not served)</span></dd>` : '';
  const neither = !isLinked(source)
    ? html`<dt>Original</dt><dd><strong>No link or archived copy is recorded for this source.</strong>${source.noLinkReason ? html` ${source.noLinkReason}` : ''}</dd>`
    : '';
  return html`${original}${archived}${neither}`;
}

/**
 * A source's page: what it is, who published it and when, its Federal Register citation, the
 * document one click away — a link to the original (http and https only), the archived copy the
 * registry keeps with its SHA-256, or a plain statement that it has neither — and every fact in the
 * registry that rests on it.
 *
 * @example
 * c.html(sourcePage(frame, source, citing, undefined).toString());
 */
export function sourcePage(frame: PageFrame, source: RecordShapes['source'], citing: readonly CitingRecord[], logEntries: readonly TransparencyLogEntry[] | undefined): SafeHtml {
  const main = html`<article class="record">
<header class="record-header">
<p class="record-type">Source</p>
<h1>${source.title} ${statusBadge(source.status)}</h1>
</header>
<dl class="facts">
${source.publisher ? html`<dt>Publisher</dt><dd>${source.publisher}</dd>` : ''}
<dt>Date</dt><dd>${dateText(source.date)}</dd>
${source.citation ? html`<dt>Federal Register</dt><dd>${source.citation}</dd>` : ''}
${source.documentNumber ? html`<dt>Document number</dt><dd>${source.documentNumber}</dd>` : ''}
${readIt(source)}
${source.licence ? html`<dt>Licence</dt><dd>${source.licence}</dd>` : ''}
${source.notes ? html`<dt>Notes</dt><dd>${source.notes}</dd>` : ''}
</dl>
<section aria-labelledby="cited-by-heading">
<h2 id="cited-by-heading">What cites this source</h2>
${citedBy(citing)}
</section>
${transparencyLogSection(`source:${source.id}`, logEntries)}
</article>`;
  return layout(frame, { title: source.title, description: `${source.title}: a source, and every fact in the registry that rests on it.`, main });
}
