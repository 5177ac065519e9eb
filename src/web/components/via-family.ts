import { familyRelationLabel } from '../../registry/labels.js';
import type { FamilyMember } from '../../registry/views.js';
import { html, type SafeHtml } from './html.js';
import { recordLink } from './record-link.js';

/**
 * Where a rolled-up fact comes from: "via its subsidiary Paragon Solutions (US) Inc.", and for a
 * longer walk each step ("via its subsidiary A → subsidiary B"), every member a link.
 *
 * @example
 * viaFamily(member); // <p class="via">via its subsidiary <a href="/organizations/…">…</a></p>
 */
export function viaFamily(member: FamilyMember): SafeHtml {
  const steps = member.path.map((step, i) => html`${i === 0 ? 'its ' : ''}${familyRelationLabel(step.relation, step.relationshipType)} ${recordLink(step.member)}`);
  return html`<span class="via">via ${steps.map((step, i) => (i === 0 ? step : html` → ${step}`))}</span>`;
}

/**
 * The text of {@link viaFamily}, for places that take no markup (a chart's tooltip, a table cell's label).
 *
 * @example
 * viaFamilyText(member); // 'via its subsidiary Paragon Solutions (US) Inc.'
 */
export function viaFamilyText(member: FamilyMember): string {
  return `via ${member.path.map((step, i) => `${i === 0 ? 'its ' : ''}${familyRelationLabel(step.relation, step.relationshipType)} ${step.member.name}`).join(' → ')}`;
}
