import { designationListLabel } from '../../registry/labels.js';
import type { DesignationEvent, FamilyMember } from '../../registry/views.js';
import { authorityName } from './authority-name.js';
import type { Citations } from './citations.js';
import { dateText } from './date-text.js';
import { html, type SafeHtml } from './html.js';
import { statusBadge } from './status-badge.js';
import { viaFamily } from './via-family.js';

/**
 * Listings and delistings in date order as one timeline: a delisting is an event of its own,
 * never an edit that hides the listing. With `via` (designation id → family member), each event
 * names whose designation it is and how that organisation belongs to the page's.
 *
 * @example
 * designationTimeline(view.timeline, citations);
 */
export function designationTimeline(timeline: readonly DesignationEvent[], citations: Citations, via?: ReadonlyMap<string, FamilyMember>): SafeHtml {
  if (timeline.length === 0) return html`<p class="muted">No designations recorded.</p>`;
  const items = timeline.map(({ date, kind, designation: d }) => {
    const reason = kind === 'listed' ? d.reason : d.delistingReason;
    const member = via?.get(d.id);
    return html`<li class="timeline-${kind}">
<span class="event-kind">${kind === 'listed' ? 'Listed' : 'Delisted'}</span>
${dateText(date)}
<span class="designation-list">${authorityName(d.authority)} ${designationListLabel(d.list)}</span>
${member ? html`<span class="event-subject">${viaFamily(member)}</span>` : ''}
${kind === 'listed' && d.delisted ? html`<span class="muted">(delisted later)</span>` : ''}
${statusBadge(d.status)}
${citations.cite(d.sources)}
${reason ? html`<p class="reason">${reason}</p>` : ''}
</li>`;
  });
  return html`<ol class="timeline">${items}</ol>`;
}
