import { recordStatusExplanation, recordStatusLabel } from '../../registry/labels.js';
import type { RecordStatus } from '../../registry/schemas/common.js';
import { html, type SafeHtml } from './html.js';

/**
 * How well a record is established, as a labelled badge. The word carries the meaning (colour
 * only repeats it), so it reads the same in print and to a screen reader.
 *
 * @example
 * html`<h1>${organization.name} ${statusBadge(organization.status)}</h1>`;
 */
export function statusBadge(status: RecordStatus): SafeHtml {
  return html`<span class="status status-${status}" title="${recordStatusExplanation(status)}">${recordStatusLabel(status)}</span>`;
}
