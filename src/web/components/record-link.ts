import { recordUrl } from '../../registry/search/search-result.js';
import type { RecordRef } from '../../registry/views.js';
import { html, type SafeHtml } from './html.js';

/** Record types with a page of their own; others (designations, relationships …) are shown on their subject's page. */
const WITH_PAGES = new Set(['organization', 'person', 'product', 'incident', 'contract', 'source']);

/**
 * A link to a record's page, or its name as text when it has no page of its own.
 *
 * @example
 * recordLink({ type: 'organization', id: 'candiru', name: 'Candiru' }); // <a href="/organizations/candiru">Candiru</a>
 */
export function recordLink(ref: RecordRef | null | undefined, fallback = 'unknown'): SafeHtml {
  if (!ref) return html`${fallback}`;
  return WITH_PAGES.has(ref.type) ? html`<a href="${recordUrl(ref.type, ref.id)}">${ref.name}</a>` : html`${ref.name}`;
}
