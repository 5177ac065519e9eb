import { can } from '../../accounts/policies.js';
import type { RecordType } from '../../registry/schemas/common.js';
import { html, type SafeHtml } from './html.js';
import type { PageFrame } from './layout.js';

/**
 * For analysts and editors, a link from a record's page to the proposal form prefilled with it;
 * nothing for anyone else.
 *
 * @example
 * html`<h1>${person.name}</h1>${proposeChangeLink(frame, 'person', person.id)}`;
 */
export function proposeChangeLink(frame: PageFrame, type: RecordType, key: string): SafeHtml {
  if (!can(frame.auth.actor, 'change.propose')) return html``;
  return html`<p class="record-actions"><a href="/propose/${type}?id=${encodeURIComponent(key)}">Propose a change to this record</a></p>`;
}
