import type { RecordType } from '../../registry/schemas/common.js';
import { recordUrl } from '../../registry/search/search-result.js';
import { html, type SafeHtml } from './html.js';

/** Subject prefixes of registry records that have a page of their own. */
const RECORD_PAGES: ReadonlyMap<string, RecordType> = new Map<string, RecordType>([
  ['organization', 'organization'], ['person', 'person'], ['product', 'product'], ['incident', 'incident'], ['contract', 'contract'], ['source', 'source'],
]);

/**
 * A log entry's subject (`organization:candiru`, `log:41`, `tip:…`) as written in the entry, linked
 * to its page where it has one: a registry record's page (when `records` says the record exists),
 * or another log entry's. Tips, alerts and designations have no public page, so they stay text.
 *
 * @example
 * logSubjectLink('organization:candiru', new Set(['organization:candiru'])); // <a href="/organizations/candiru"><code>organization:candiru</code></a>
 */
export function logSubjectLink(subject: string, records: ReadonlySet<string>): SafeHtml {
  const colon = subject.indexOf(':');
  const kind = colon > 0 ? subject.slice(0, colon) : '';
  const id = subject.slice(colon + 1);
  const type = RECORD_PAGES.get(kind);
  if (type && id && records.has(subject)) return html`<a href="${recordUrl(type, id)}"><code>${subject}</code></a>`;
  if (kind === 'log' && /^(0|[1-9][0-9]{0,18})$/.test(id)) return html`<a href="/log/entries/${id}"><code>${subject}</code></a>`;
  if (kind === 'docket' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) return html`<a href="/dockets/${id}"><code>${subject}</code></a>`;
  return html`<code>${subject}</code>`;
}
