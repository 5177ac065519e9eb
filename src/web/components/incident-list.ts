import type { RecordShapes } from '../../registry/registry-record.js';
import { recordUrl } from '../../registry/search/search-result.js';
import type { Citations } from './citations.js';
import { dateText } from './date-text.js';
import { html, type SafeHtml } from './html.js';

/** What the list shows of an incident; its sources only where citations are given. */
export type IncidentListItem = Pick<RecordShapes['incident'], 'id' | 'title'> & {
  readonly date?: string | null | undefined;
  readonly countries: readonly string[];
  readonly targetCategories: readonly string[];
  readonly sources?: readonly string[];
};

/**
 * Documented abuse, newest first: each incident's title linking to its page, when, where, and
 * (when citations are given) its sources.
 *
 * @example
 * incidentList(view.incidents, citations);
 */
export function incidentList(incidents: readonly IncidentListItem[], citations?: Citations): SafeHtml {
  if (incidents.length === 0) return html`<p class="muted">No incidents recorded.</p>`;
  const items = incidents.map((i) => html`<li>
<a href="${recordUrl('incident', i.id)}">${i.title}</a>
<span class="meta">${dateText(i.date)}${i.countries.length > 0 ? html` · ${i.countries.join(', ')}` : ''}${i.targetCategories.length > 0 ? html` · ${i.targetCategories.join(', ')}` : ''}</span>
${citations && i.sources ? citations.cite(i.sources) : ''}
</li>`);
  return html`<ul class="record-list">${items}</ul>`;
}
