import { countryName, targetCategoryLabel } from '../../registry/labels.js';
import type { RecordShapes } from '../../registry/registry-record.js';
import { recordUrl } from '../../registry/search/search-result.js';
import type { FamilyMember } from '../../registry/views.js';
import type { Citations } from './citations.js';
import { dateText } from './date-text.js';
import { html, type SafeHtml } from './html.js';
import { viaFamily } from './via-family.js';

/** What the list shows of an incident; its sources only where citations are given. */
export type IncidentListItem = Pick<RecordShapes['incident'], 'id' | 'title'> & {
  readonly date?: string | null | undefined;
  readonly countries: readonly string[];
  readonly targetCategories: readonly string[];
  readonly sources?: readonly string[];
};

/**
 * Documented abuse, newest first: each incident's title linking to its page, when, where (country
 * names), whom (target categories in words), (when citations are given) its sources, and (with
 * `via`, incident id → family member) which subsidiary or affiliate it concerns.
 *
 * @example
 * incidentList(view.incidents, citations);
 */
export function incidentList(incidents: readonly IncidentListItem[], citations?: Citations, via?: ReadonlyMap<string, FamilyMember>): SafeHtml {
  if (incidents.length === 0) return html`<p class="muted">No incidents recorded.</p>`;
  const items = incidents.map((i) => {
    const member = via?.get(i.id);
    return html`<li>
<a href="${recordUrl('incident', i.id)}">${i.title}</a>
<span class="meta">${dateText(i.date)}${i.countries.length > 0 ? html` · ${i.countries.map(countryName).join(', ')}` : ''}${i.targetCategories.length > 0 ? html` · ${i.targetCategories.map(targetCategoryLabel).join(', ')}` : ''}</span>
${member ? html`<span class="meta">${viaFamily(member)}</span>` : ''}
${citations && i.sources ? citations.cite(i.sources) : ''}
</li>`;
  });
  return html`<ul class="record-list">${items}</ul>`;
}
