import { html, type SafeHtml } from './html.js';

/**
 * Previous and next links for a list a page at a time, with where the reader is ("21–40 of
 * 57"). `hrefFor` builds the link for an offset, keeping the list's other parameters.
 *
 * @example
 * pagination({ total: 57, limit: 20, offset: 20 }, (offset) => `/search?q=nso&offset=${offset}`);
 */
export function pagination(page: { total: number; limit: number; offset: number }, hrefFor: (offset: number) => string): SafeHtml {
  const { total, limit, offset } = page;
  if (total <= limit && offset === 0) return html``;
  const first = Math.min(offset + 1, total);
  const last = Math.min(offset + limit, total);
  const previous = offset > 0 ? html`<a rel="prev" href="${hrefFor(Math.max(0, offset - limit))}">← Previous</a>` : html``;
  const next = offset + limit < total ? html`<a rel="next" href="${hrefFor(offset + limit)}">Next →</a>` : html``;
  return html`<nav class="pagination" aria-label="Pages">${previous}<span>${first}–${last} of ${total}</span>${next}</nav>`;
}

/**
 * A query string from parameters, leaving out empty ones and a zero offset (so links stay short
 * and readable).
 *
 * @example
 * queryString({ q: 'nso', type: undefined, offset: 0 }); // '?q=nso'
 */
export function queryString(params: Readonly<Record<string, string | number | undefined>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '' && value !== 0) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
