import { relationshipLabel } from '../../registry/labels.js';
import type { RelationshipType } from '../../registry/schemas/relationship.js';
import type { RelationshipView } from '../../registry/views.js';
import type { Citations } from './citations.js';
import { dateText } from './date-text.js';
import { html, type SafeHtml } from './html.js';
import { recordLink } from './record-link.js';

/**
 * Which group a relationship belongs in on an organisation's page, seen from that organisation.
 *
 * @example
 * relationshipGroup({ relationship: { type: 'subsidiary-of', … }, direction: 'outgoing', other }); // 'owners'
 */
export function relationshipGroup(view: RelationshipView): 'owners' | 'holdings' | 'other' {
  const { type } = view.relationship;
  const upward: readonly RelationshipType[] = ['subsidiary-of', 'part-of'];
  const downward: readonly RelationshipType[] = ['acquired', 'invested-in', 'owner-of'];
  if (view.direction === 'outgoing') return upward.includes(type) ? 'owners' : downward.includes(type) ? 'holdings' : 'other';
  return upward.includes(type) ? 'holdings' : downward.includes(type) ? 'owners' : 'other';
}

/**
 * When a relationship began; when the source gives no start, the day it describes the relationship
 * as holding ("described as of 5 March 2024"), never a start date the source does not state.
 */
function since(relationship: RelationshipView['relationship']): SafeHtml {
  if (relationship.date) return dateText(relationship.date);
  if (relationship.asOf) return html`<span class="muted">described as of</span> ${dateText(relationship.asOf)}`;
  return html`<span class="muted">—</span>`;
}

/** The stake a source gives for the relationship, in per cent or in its words ("Stake: 34%. "). */
function stakeText(relationship: RelationshipView['relationship']): SafeHtml | string {
  const parts = [relationship.stakePercent === undefined ? undefined : `${relationship.stakePercent}%`, relationship.stake].filter((p) => p !== undefined);
  return parts.length === 0 ? '' : html`<span class="stake">Stake: ${parts.join(', ')}.</span> `;
}

/**
 * Relationships as a table: how this record relates to the other party, since and until when,
 * and on what sources.
 *
 * @example
 * relationshipTable(view.relationships, citations);
 */
export function relationshipTable(relationships: readonly RelationshipView[], citations: Citations): SafeHtml {
  const rows = relationships.map((r) => {
    const phrase = relationshipLabel(r.relationship.type, r.direction);
    return html`<tr>
<td data-label="Relationship">${phrase}</td>
<td data-label="With">${recordLink(r.other)}</td>
<td data-label="Since">${since(r.relationship)}</td>
<td data-label="Until">${r.relationship.end ? dateText(r.relationship.end) : html`<span class="muted">—</span>`}</td>
<td data-label="Notes and sources">${stakeText(r.relationship)}${r.relationship.notes ?? ''} ${citations.cite(r.relationship.sources)}</td>
</tr>`;
  });
  return html`<div class="table-scroll"><table class="stack">
<thead><tr><th scope="col">Relationship</th><th scope="col">With</th><th scope="col">Since</th><th scope="col">Until</th><th scope="col">Notes and sources</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
}
