import type { FacetName, SearchFilters, SearchResponse, SearchResult } from '../../registry/search/search-result.js';
import { html, type SafeHtml } from '../components/html.js';
import { layout, type PageFrame } from '../components/layout.js';
import { pagination, queryString } from '../components/pagination.js';
import { statusBadge } from '../components/status-badge.js';
import { authorityLabel, countryName, organizationKindLabel, recordTypeLabel, sentenceCase } from '../../registry/labels.js';
import { isRecordType, RECORD_STATUSES } from '../../registry/schemas/common.js';
import { recordStatusLabel } from '../../registry/labels.js';
import type { RequestDocumentHit } from '../../store/search/search-request-documents.js';
import { formatTimestamp } from '../components/format-date.js';

/** What was asked: the words, the filters and where in the results. */
export interface SearchRequest extends SearchFilters {
  readonly q: string;
  readonly offset: number;
}

const FACETS: readonly [FacetName, string][] = [
  ['type', 'Record type'],
  ['kind', 'Kind of organization'],
  ['country', 'Country'],
  ['authority', 'Designated by'],
  ['status', 'How established'],
];

/** A facet value in words: record types, kinds, countries, authorities and statuses are stored as codes. */
function facetLabel(facet: FacetName, value: string): string {
  switch (facet) {
    case 'type': return isRecordType(value) ? sentenceCase(recordTypeLabel(value)) : value;
    case 'kind': return sentenceCase(organizationKindLabel(value));
    case 'country': return countryName(value);
    case 'authority': return authorityLabel(value);
    case 'status': { const status = RECORD_STATUSES.find((st) => st === value); return status ? sentenceCase(recordStatusLabel(status)) : value; }
  }
}

/** Why a result is here, in words (the ranking's reason, rank first to last as `rankOf` orders them). */
function matchedText(r: SearchResult): SafeHtml | string {
  const text = r.matched.text;
  switch (r.matched.field) {
    case 'alias': return text ? html`<span class="matched">matched alias “${text}”</span>` : html`<span class="matched">matched an alias or identifier</span>`;
    case 'former': return text ? html`<span class="matched">matched former name “${text}”</span>` : '';
    case 'text': return html`<span class="matched">matched its text</span>`;
    case 'country': return html`<span class="matched">in ${text ?? 'the country named'}</span>`;
    case 'related': return html`<span class="matched">through ${text ?? 'a related record'}</span>`;
    default: return '';
  }
}

function hrefFor(request: SearchRequest, change: Partial<Record<FacetName | 'offset', string | number | undefined>>): string {
  const params = { q: request.q, type: request.type, kind: request.kind, country: request.country, authority: request.authority, status: request.status, offset: 0, ...change };
  return `/search${queryString(params)}`;
}

function facetList(request: SearchRequest, response: SearchResponse): SafeHtml {
  const groups = FACETS.map(([facet, title]) => {
    const active = request[facet];
    const values = Object.entries(response.facets[facet]).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (values.length === 0 && !active) return '';
    const items = values.map(([value, count]) => {
      const label = facetLabel(facet, value);
      return value === active
        ? html`<li><strong>${label}</strong> (${count}) <a href="${hrefFor(request, { [facet]: undefined })}" aria-label="Remove filter ${title}: ${label}">remove</a></li>`
        : html`<li><a href="${hrefFor(request, { [facet]: value })}">${label}</a> (${count})</li>`;
    });
    return html`<h3>${title}</h3><ul>${items}</ul>`;
  });
  return html`<aside class="facets" aria-label="Filter the results">${groups}</aside>`;
}

function resultItem(r: SearchResult): SafeHtml {
  const matched = matchedText(r);
  const identifiers = r.identifiers ? Object.entries(r.identifiers).map(([scheme, value]) => html` · ${scheme.toUpperCase()} <code>${value}</code>`) : [];
  return html`<li class="result">
<a class="result-name" href="${r.url}">${r.name}</a> ${statusBadge(r.status)}
<span class="meta">${sentenceCase(recordTypeLabel(r.type))}${r.kind ? html` · ${organizationKindLabel(r.kind)}` : ''}${r.countries.length > 0 ? html` · ${r.countries.map(countryName).join(', ')}` : ''}${r.authorities.length > 0 ? html` · designated by ${[...new Set(r.authorities)].map((a) => authorityLabel(a)).join(', ')}` : ''}${identifiers}</span>
${matched}
</li>`;
}

/** Published documents received on records requests that matched, each linked with the request it answers. */
function requestDocuments(documents: readonly RequestDocumentHit[]): SafeHtml {
  if (documents.length === 0) return html``;
  const items = documents.map((d) => html`<li class="result">
<a class="result-name" href="/api/v1/disclosure-requests/${d.requestId}/documents/${d.documentId}">${d.fileName}</a>
<span class="meta">${d.mediaType}${d.pages !== null ? html` · ${d.pages} ${d.pages === 1 ? 'page' : 'pages'}` : ''} · published ${formatTimestamp(d.publishedAt)}</span>
<span class="matched">received on the records request <a href="/disclosure-requests/${d.requestId}">${d.requestTitle}</a> to ${d.agencyName}${d.matchedFileName ? '' : ' (matched the request’s title)'}</span>
</li>`);
  return html`<section aria-labelledby="request-documents-heading">
<h2 id="request-documents-heading">Documents released on records requests</h2>
<ul class="result-list">${items}</ul>
</section>`;
}

/**
 * Search results with facets that work as plain links (filter by type, kind, country,
 * designating authority, status), and previous/next pages; below them, published documents
 * received on records requests that matched.
 *
 * @example
 * c.html(searchPage(frame, { q: 'saito tech', offset: 0 }, await searchRegistry(db, dialect, { q: 'saito tech' })).toString());
 */
export function searchPage(frame: PageFrame, request: SearchRequest, response: SearchResponse, documents: readonly RequestDocumentHit[] = []): SafeHtml {
  const heading = request.q ? html`Results for “${request.q}”` : html`Browse the registry`;
  const main = html`<h1>${heading}</h1>
<p class="result-count" role="status">${response.total === 0 ? (documents.length > 0 ? 'No registry record matched.' : 'Nothing matched.') : `${response.total} ${response.total === 1 ? 'record' : 'records'}`}${request.q ? html` — names, aliases, acronyms and identifiers, then other text, countries and related records are searched; accents, case and script ignored.` : ''}</p>
${(response.corrected ?? []).map((c) => html`<p class="notice">Nothing is spelled “${c.word}”; showing ${c.read.map((w, i) => html`${i > 0 ? ', ' : ''}“${w}”`)}.</p>`)}
<div class="search-layout">
${facetList(request, response)}
<section class="results" aria-label="Results">
${response.results.length > 0 ? html`<ol class="result-list" start="${response.offset + 1}">${response.results.map(resultItem)}</ol>` : html`<p>Try fewer words, another spelling, or <a href="/tips/new">send a tip</a> if something is missing.</p>`}
${pagination(response, (offset) => hrefFor(request, { offset }))}
${requestDocuments(documents)}
</section>
</div>`;
  return layout(frame, { title: request.q ? `Search: ${request.q}` : 'Browse the registry', main });
}
