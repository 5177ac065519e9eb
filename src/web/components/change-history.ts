import { fieldChanges, type FieldChange } from '../../registry/changes/field-changes.js';
import { recordVersions } from '../../registry/changes/record-versions.js';
import type { ChangeRow } from '../../registry/registry-store.js';
import { fieldDiff } from './field-diff.js';
import { formatTimestamp } from './format-date.js';
import { html, type SafeHtml } from './html.js';

function what(change: ChangeRow, diff: readonly FieldChange[], created: boolean): SafeHtml {
  if (created) {
    return html`<details><summary>Record created (${diff.length} ${diff.length === 1 ? 'field' : 'fields'})</summary>${fieldDiff(diff)}</details>`;
  }
  const title = change.action === 'status' ? 'Status changed' : change.action === 'delist' ? 'Delisted' : 'Record changed';
  return html`<p class="change-title">${title}</p>${fieldDiff(diff)}`;
}

/**
 * A record's published history: every applied change, newest first, each with its field-level
 * diff — the field by its label, before → after — who made it (a pseudonymous actor id, as the log
 * records it) and the reviewer's note.
 *
 * @example
 * changeHistory(view.history);
 */
export function changeHistory(history: readonly ChangeRow[], sources?: Readonly<Record<string, { readonly title: string }>>): SafeHtml {
  // Sources read by their titles, as everywhere else on the page.
  const names = new Map(Object.entries(sources ?? {}).map(([id, s]) => [id, s.title]));
  // Versions are rebuilt oldest first: each change's diff is against the version before it.
  const versions = recordVersions(history);
  const diffs = new Map<string, { diff: FieldChange[]; created: boolean }>();
  for (const change of history) {
    const version = versions.get(change.id);
    if (version) diffs.set(change.id, { diff: fieldChanges(change.recordType, version.before, version.after, { names }), created: version.before === null });
  }
  const rows = history.map((change) => {
    const shown = diffs.get(change.id) ?? { diff: [], created: false };
    return html`<tr>
<td data-label="When">${formatTimestamp(change.reviewedAt ?? change.proposedAt)}</td>
<td data-label="Change">${what(change, shown.diff, shown.created)}</td>
<td data-label="By"><code>${change.proposedBy}</code>${change.reviewedBy && change.reviewedBy !== change.proposedBy ? html`, accepted by <code>${change.reviewedBy}</code>` : ''}</td>
<td data-label="Note">${change.reviewNote ?? ''}</td>
<td data-label="Change id"><code class="change-id">${change.id}</code></td>
</tr>`;
  });
  return html`<section aria-labelledby="history-heading">
<h2 id="history-heading">Change history</h2>
${history.length === 0
    ? html`<p class="muted">No published changes.</p>`
    : html`<div class="table-scroll"><table class="history stack">
<thead><tr><th scope="col">When</th><th scope="col">Change</th><th scope="col">By</th><th scope="col">Note</th><th scope="col">Change id</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`}
</section>`;
}
