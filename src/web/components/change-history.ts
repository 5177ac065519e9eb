import type { ChangeRow } from '../../registry/registry-store.js';
import { formatTimestamp } from './format-date.js';
import { html, type SafeHtml } from './html.js';

const ACTIONS: Readonly<Record<ChangeRow['action'], string>> = { upsert: 'Record written', status: 'Status changed', delist: 'Delisting' };

function describe(change: ChangeRow): string {
  const data = change.data;
  if (change.action === 'status' && typeof data === 'object' && data !== null && 'status' in data && 'previous' in data) {
    return `${String(data.previous)} → ${String(data.status)}`;
  }
  return ACTIONS[change.action];
}

/**
 * A record's published history: every applied change, newest first, with who made it (a
 * pseudonymous actor id, as the log records it) and the reviewer's note.
 *
 * @example
 * changeHistory(view.history);
 */
export function changeHistory(history: readonly ChangeRow[]): SafeHtml {
  const rows = history.map((change) => html`<tr>
<td data-label="When">${formatTimestamp(change.reviewedAt ?? change.proposedAt)}</td>
<td data-label="Change">${describe(change)}</td>
<td data-label="By"><code>${change.proposedBy}</code>${change.reviewedBy && change.reviewedBy !== change.proposedBy ? html`, accepted by <code>${change.reviewedBy}</code>` : ''}</td>
<td data-label="Note">${change.reviewNote ?? ''}</td>
<td data-label="Change id"><code class="change-id">${change.id}</code></td>
</tr>`);
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
