import type { RegistryRecord } from '../../registry/registry-record.js';
import type { RecordRef } from '../../registry/views.js';
import { INDEX_FILTERS, INDEX_RECORD_TYPE, INDEX_SORTS_OF, type IndexCollection, type IndexFilterName, type IndexQuery, type IndexSort } from '../../registry/listing/index-query.js';
import { authorityLabel, countryName, organizationKindLabel, recordStatusLabel, recordTypeLabel, sentenceCase } from '../../registry/labels.js';
import { RECORD_STATUSES } from '../../registry/schemas/common.js';
import { recordUrl } from '../../registry/search/search-result.js';
import { authorityName } from '../components/authority-name.js';
import { dateText } from '../components/date-text.js';
import { formatAmount } from '../components/format-amount.js';
import { html, type SafeHtml } from '../components/html.js';
import { layout, type PageFrame } from '../components/layout.js';
import { pagination, queryString } from '../components/pagination.js';
import { recordLink } from '../components/record-link.js';
import { statusBadge } from '../components/status-badge.js';

/** What an index page shows: one page of records and what its cells name. */
export interface IndexView {
  readonly records: readonly RegistryRecord[];
  readonly total: number;
  readonly limit: number;
  /** Organisations, people and products the rows name (vendor, buyer, recipient). */
  readonly refs: ReadonlyMap<string, RecordRef>;
  /** Designating authorities per organisation or person on the page. */
  readonly authorities: ReadonlyMap<string, readonly string[]>;
  readonly options: { readonly countries: readonly string[]; readonly kinds: readonly string[]; readonly authorities: readonly string[] };
  /** Sources with neither a link nor an archived copy, over the whole registry (the sources index says how many). */
  readonly sourcesWithoutCopy?: number;
}

const INTRO: Record<IndexCollection, string> = {
  organizations: 'Vendors, their subsidiaries and investors, and the government agencies that buy from them.',
  people: 'People named in the registry’s sources: founders, executives and those designated with them.',
  products: 'Surveillance products and the vendors that sell them.',
  incidents: 'Documented uses of these products against journalists, activists and others, by the countries where targets were.',
  contracts: 'Government contracts with surveillance vendors.',
  sources: 'The documents every fact cites. Each links to its publication where the document states its address, or serves the copy archived with the dataset.',
  policies: 'Laws, executive orders, statements and guidance on commercial spyware.',
};

const SORT_LABEL: Record<IndexSort, string> = { name: 'Name', date: 'Date', country: 'Country', kind: 'Kind', value: 'Value' };
const AVAILABLE_LABEL = { link: 'Link to the publication', archive: 'Archived copy', neither: 'Neither a link nor a copy' } as const;

/** The index's own URL with the same filters and a change. */
function indexHref(collection: IndexCollection, query: IndexQuery, change: Record<string, string | number | undefined> = {}): string {
  const params: Record<string, string | number | undefined> = {};
  for (const name of INDEX_FILTERS[collection]) params[name] = query[name];
  return `/${collection}${queryString({ ...params, sort: query.sort, order: query.order, offset: query.offset, ...change })}`;
}

function option(value: string, label: string, selected: boolean): SafeHtml {
  return html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
}

function filterField(collection: IndexCollection, name: IndexFilterName, query: IndexQuery, view: IndexView): SafeHtml {
  const id = `filter-${name}`;
  const select = (label: string, all: string, values: readonly (readonly [string, string])[]) => html`<p><label for="${id}">${label}</label>
<select id="${id}" name="${name}">${option('', all, query[name] === undefined)}${values.map(([v, l]) => option(v, l, v === query[name]))}</select></p>`;
  const byName = (codes: readonly string[], label: (c: string) => string) => codes.map((c) => [c, label(c)] as const).sort((a, b) => a[1].localeCompare(b[1]));
  switch (name) {
    case 'country': return select(collection === 'people' ? 'Nationality' : collection === 'incidents' ? 'Country of targets' : collection === 'policies' ? 'Jurisdiction' : 'Country', 'All countries', byName(view.options.countries, countryName));
    case 'kind': return select('Kind', 'All kinds', byName(view.options.kinds, (k) => sentenceCase(organizationKindLabel(k))));
    case 'authority': return select('Designated by', 'Any or none', byName(view.options.authorities, (a) => authorityLabel(a)));
    case 'status': return select('How established', 'Any', RECORD_STATUSES.map((s) => [s, sentenceCase(recordStatusLabel(s))] as const));
    case 'available': return select('Can be opened as', 'Any', (['link', 'archive', 'neither'] as const).map((a) => [a, AVAILABLE_LABEL[a]] as const));
    case 'from': return html`<p><label for="${id}">From</label> <input id="${id}" name="from" value="${query.from ?? ''}" placeholder="YYYY-MM-DD" inputmode="numeric" size="10"></p>`;
    case 'to': return html`<p><label for="${id}">To</label> <input id="${id}" name="to" value="${query.to ?? ''}" placeholder="YYYY-MM-DD" inputmode="numeric" size="10"></p>`;
  }
}

function filterForm(collection: IndexCollection, query: IndexQuery, view: IndexView): SafeHtml {
  const sorts = INDEX_SORTS_OF[collection];
  return html`<form class="filters" method="get" action="/${collection}">
${INDEX_FILTERS[collection].map((name) => filterField(collection, name, query, view))}
<p><label for="index-sort">Sort by</label>
<select id="index-sort" name="sort">${sorts.map((s) => option(s, SORT_LABEL[s], s === query.sort))}</select></p>
<p><label for="index-order">Order</label>
<select id="index-order" name="order">${option('asc', 'Ascending', query.order === 'asc')}${option('desc', 'Descending', query.order === 'desc')}</select></p>
<p><button type="submit">Show</button> <a href="/${collection}">Clear</a></p>
</form>`;
}

/** The open-data export of exactly what is filtered, in each format this type has. */
function downloads(collection: IndexCollection, query: IndexQuery): SafeHtml {
  const filters: Record<string, string | undefined> = {};
  for (const name of INDEX_FILTERS[collection]) filters[name] = query[name];
  const formats: readonly (readonly [string, string])[] = [['csv', 'CSV'], ['ndjson', 'NDJSON'], ...(['organizations', 'people', 'incidents', 'contracts'].includes(collection) ? [['ftm', 'FollowTheMoney'] as const] : [])];
  const links = formats.map(([format, label]) => html`<li><a href="/api/v1/export${queryString({ format, type: collection, ...filters })}" download>${label}</a></li>`);
  return html`<section class="downloads" aria-labelledby="downloads-heading"><h2 id="downloads-heading">Download these ${recordTypeLabel(INDEX_RECORD_TYPE[collection], 2)}</h2><ul class="inline-list">${links}</ul></section>`;
}

const countries = (codes: readonly string[]): string => (codes.length === 0 ? '—' : codes.map(countryName).join(', '));

function designatedBy(view: IndexView, id: string): SafeHtml {
  const codes = [...new Set(view.authorities.get(id) ?? [])];
  return codes.length === 0 ? html`<span class="muted">—</span>` : html`${codes.map((c, i) => html`${i > 0 ? ', ' : ''}${authorityName(c)}`)}`;
}

function sourceAvailability(url: string | undefined, file: string | undefined, id: string): SafeHtml {
  const parts: SafeHtml[] = [];
  if (url) parts.push(html`<a href="${url}" rel="noopener noreferrer">publication</a>`);
  if (file) parts.push(html`<a href="/sources/${id}/archive">archived copy</a>`);
  return parts.length === 0 ? html`<span class="muted">neither a link nor a copy</span>` : html`${parts.map((p, i) => html`${i > 0 ? ' · ' : ''}${p}`)}`;
}

/** Header cells and one row per record, by type. */
function table(collection: IndexCollection, view: IndexView): { head: readonly string[]; rows: SafeHtml[] } {
  const ref = (id: string | undefined) => (id === undefined ? html`<span class="muted">—</span>` : recordLink(view.refs.get(id), id));
  const cell = (label: string, content: SafeHtml | string) => html`<td data-label="${label}">${content}</td>`;
  const rows: SafeHtml[] = [];
  for (const entry of view.records) {
    const link = (name: string) => html`<a href="${recordUrl(entry.type, entry.type === 'contract' ? entry.record.piid : entry.record.id)}">${name}</a>`;
    switch (entry.type) {
      case 'organization': { const r = entry.record; rows.push(html`<tr>${cell('Name', link(r.name))}${cell('Kind', sentenceCase(organizationKindLabel(r.kind)))}${cell('Country', r.country ? countryName(r.country) : '—')}${cell('Designated by', designatedBy(view, r.id))}${cell('Status', statusBadge(r.status))}</tr>`); break; }
      case 'person': { const r = entry.record; rows.push(html`<tr>${cell('Name', link(r.name))}${cell('Role', r.role ?? '—')}${cell('Nationality', r.nationality ? countryName(r.nationality) : '—')}${cell('Designated by', designatedBy(view, r.id))}${cell('Status', statusBadge(r.status))}</tr>`); break; }
      case 'product': { const r = entry.record; rows.push(html`<tr>${cell('Name', link(r.name))}${cell('Vendor', ref(r.vendor))}${cell('Capabilities', r.capabilities.join('; ') || '—')}${cell('Status', statusBadge(r.status))}</tr>`); break; }
      case 'incident': { const r = entry.record; const products = r.products ?? []; rows.push(html`<tr>${cell('Incident', link(r.title))}${cell('Date', dateText(r.date))}${cell('Countries of targets', countries(r.countries))}${cell('Products', products.length === 0 ? html`<span class="muted">—</span>` : html`${products.map((p, i) => html`${i > 0 ? ', ' : ''}${ref(p)}`)}`)}${cell('Status', statusBadge(r.status))}</tr>`); break; }
      case 'contract': { const r = entry.record; rows.push(html`<tr>${cell('Contract', link(r.piid))}${cell('Buyer', ref(r.buyer))}${cell('Recipient', ref(r.recipient))}${cell('Value', r.value === undefined ? '—' : formatAmount(r.value, r.currency))}${cell('Status', statusBadge(r.status))}</tr>`); break; }
      case 'source': { const r = entry.record; rows.push(html`<tr>${cell('Title', link(r.title))}${cell('Publisher', r.publisher ?? '—')}${cell('Date', dateText(r.date))}${cell('Open', sourceAvailability(r.url, r.file, r.id))}${cell('Status', statusBadge(r.status))}</tr>`); break; }
      case 'policy': { const r = entry.record; rows.push(html`<tr id="${r.id}">${cell('Title', r.title)}${cell('Jurisdiction', r.jurisdiction ? countryName(r.jurisdiction) : '—')}${cell('Date', dateText(r.date))}${cell('Summary', r.summary ?? '—')}${cell('Status', statusBadge(r.status))}</tr>`); break; }
      default: break;
    }
  }
  const head: Record<IndexCollection, readonly string[]> = {
    organizations: ['Name', 'Kind', 'Country', 'Designated by', 'Status'],
    people: ['Name', 'Role', 'Nationality', 'Designated by', 'Status'],
    products: ['Name', 'Vendor', 'Capabilities', 'Status'],
    incidents: ['Incident', 'Date', 'Countries of targets', 'Products', 'Status'],
    contracts: ['Contract', 'Buyer', 'Recipient', 'Value', 'Status'],
    sources: ['Title', 'Publisher', 'Date', 'Open', 'Status'],
    policies: ['Title', 'Jurisdiction', 'Date', 'Summary', 'Status'],
  };
  return { head: head[collection], rows };
}

/**
 * An index of one record type — organisations, people, products, incidents, contracts, sources
 * or policies — with filters, sorting and pages as plain links and a GET form (no JavaScript),
 * and downloads of exactly what is filtered.
 *
 * @example
 * pageResponse(c, indexPage(pageFrame(c), 'incidents', query, view));
 */
export function indexPage(frame: PageFrame, collection: IndexCollection, query: IndexQuery, view: IndexView): SafeHtml {
  const type = INDEX_RECORD_TYPE[collection];
  const title = sentenceCase(recordTypeLabel(type, 2));
  const { head, rows } = table(collection, view);
  const noCopy = view.sourcesWithoutCopy === undefined ? '' : view.sourcesWithoutCopy === 0
    ? html`<p>Every source links to its publication or has an archived copy.</p>`
    : html`<p><a href="${indexHref(collection, query, { available: 'neither', offset: 0 })}">${view.sourcesWithoutCopy} ${view.sourcesWithoutCopy === 1 ? 'source has' : 'sources have'} neither a link nor an archived copy</a>; each says why on its page.</p>`;
  const main = html`<h1>${title}</h1>
<p>${INTRO[collection]}</p>
${noCopy}
${filterForm(collection, query, view)}
<p class="result-count" role="status">${view.total} ${recordTypeLabel(type, view.total)}</p>
${rows.length === 0 ? html`<p class="muted">No ${recordTypeLabel(type, 2)} match these filters.</p>` : html`<div class="table-scroll"><table class="stack">
<thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${rows}</tbody>
</table></div>`}
${pagination({ total: view.total, limit: view.limit, offset: query.offset }, (offset) => indexHref(collection, query, { offset }))}
${downloads(collection, query)}`;
  return layout(frame, { title, description: INTRO[collection], main });
}
