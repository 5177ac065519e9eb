import type { DesignationEvent } from '../../registry/views.js';
import { authorityName } from './authority-name.js';
import type { Citations } from './citations.js';
import { dateText } from './date-text.js';
import { html, type SafeHtml } from './html.js';
import { statusBadge } from './status-badge.js';

/**
 * Listings and delistings in date order as one timeline: a delisting is an event of its own,
 * never an edit that hides the listing.
 *
 * @example
 * designationTimeline(view.timeline, citations);
 */
export function designationTimeline(timeline: readonly DesignationEvent[], citations: Citations): SafeHtml {
  if (timeline.length === 0) return html`<p class="muted">No designations recorded.</p>`;
  const items = timeline.map(({ date, kind, designation: d }) => {
    const reason = kind === 'listed' ? d.reason : d.delistingReason;
    return html`<li class="timeline-${kind}">
<span class="event-kind">${kind === 'listed' ? 'Listed' : 'Delisted'}</span>
${dateText(date)}
<span class="designation-list">${authorityName(d.authority)} ${d.list}</span>
${kind === 'listed' && d.delisted ? html`<span class="muted">(delisted later)</span>` : ''}
${statusBadge(d.status)}
${citations.cite(d.sources)}
${reason ? html`<p class="reason">${reason}</p>` : ''}
</li>`;
  });
  return html`<ol class="timeline">${items}</ol>`;
}
