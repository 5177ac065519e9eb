import type { FieldChange } from '../../registry/changes/field-changes.js';
import { html, type SafeHtml } from './html.js';

const STATES: Readonly<Record<FieldChange['state'], string>> = { added: 'added', removed: 'removed', changed: 'changed', same: 'unchanged' };

/**
 * Field-level changes as a table a person reads: each field by its label, its value before and
 * after, and what happened to it.
 *
 * @example
 * fieldDiff(fieldChanges('organization', before, after), { before: 'Now', after: 'Proposed' });
 */
export function fieldDiff(changes: readonly FieldChange[], headings: { before: string; after: string } = { before: 'Before', after: 'After' }): SafeHtml {
  if (changes.length === 0) return html`<p class="muted">No field changed.</p>`;
  const rows = changes.map((c) => html`<tr class="diff-${c.state}"><th scope="row">${c.label}</th>
<td data-label="${headings.before}">${c.before === '' ? html`<span class="muted">—</span>` : html`<del>${c.before}</del>`}</td>
<td data-label="${headings.after}">${c.after === '' ? html`<span class="muted">—</span>` : c.state === 'same' ? c.after : html`<ins>${c.after}</ins>`}</td>
<td data-label="Change">${c.state === 'same' ? html`<span class="muted">unchanged</span>` : STATES[c.state]}</td></tr>`);
  return html`<div class="table-scroll"><table class="comparison stack">
<thead><tr><th scope="col">Field</th><th scope="col">${headings.before}</th><th scope="col">${headings.after}</th><th scope="col">Change</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
}
