import type { SourceSummary } from '../../registry/views.js';
import { recordUrl } from '../../registry/search/search-result.js';
import { formatDate } from './format-date.js';
import { html, type SafeHtml } from './html.js';
import { safeHref } from './safe-href.js';

/**
 * The numbered citations of one page. Each source gets a number the first time a fact cites it,
 * in reading order; `list()` renders them all at the end of the page, each linking to the
 * source's own page, so every fact can be traced to what it rests on.
 *
 * @example
 * const citations = new Citations(view.sources);
 * const body = html`<p>Listed 18 July 2023 ${citations.cite(designation.sources)}</p>${citations.list()}`;
 */
export class Citations {
  readonly #sources: Readonly<Record<string, SourceSummary>>;
  readonly #numbers = new Map<string, number>();

  constructor(sources: Readonly<Record<string, SourceSummary>>) {
    this.#sources = sources;
  }

  /** The citation marks for these sources: `[1][2]`, each a link to its entry in the list. */
  cite(sourceIds: readonly string[]): SafeHtml {
    if (sourceIds.length === 0) return html``;
    const marks = sourceIds.map((id) => {
      let n = this.#numbers.get(id);
      if (n === undefined) {
        n = this.#numbers.size + 1;
        this.#numbers.set(id, n);
      }
      const title = this.#sources[id]?.title ?? id;
      return html`<a href="#source-${n}" title="${title}">[${n}]</a>`;
    });
    return html`<sup class="cite">${marks}</sup>`;
  }

  /** The numbered list of every source cited so far; nothing when none was. */
  list(): SafeHtml {
    if (this.#numbers.size === 0) return html``;
    const items = [...this.#numbers].map(([id, n]) => {
      const source = this.#sources[id];
      return html`<li id="source-${n}" value="${n}">${sourceLine(id, source)}</li>`;
    });
    return html`<section class="sources" aria-labelledby="sources-heading">
<h2 id="sources-heading">Sources</h2>
<ol class="source-list">${items}</ol>
</section>`;
  }
}

/**
 * One source as a reference: its title linking to its page, publisher, date, and the document
 * itself one click away — the original URL and/or the archived copy the registry keeps.
 *
 * @example
 * sourceLine('msnbc-2025-09', view.sources['msnbc-2025-09']);
 */
export function sourceLine(id: string, source: SourceSummary | undefined): SafeHtml {
  if (!source) return html`<a href="${recordUrl('source', id)}">${id}</a>`;
  const href = safeHref(source.url);
  const links = [
    ...(href ? [html`<a class="external" href="${href}" rel="noopener noreferrer">Original</a>`] : []),
    ...(source.sha256 ? [html`<a href="${recordUrl('source', id)}/archive">Archived copy</a>`] : []),
  ];
  return html`<a href="${recordUrl('source', id)}">${source.title}</a>${source.publisher ? html`, ${source.publisher}` : ''}${source.date ? html`, <time datetime="${source.date}">${formatDate(source.date)}</time>` : ''}${links.length > 0 ? html`. ${links.map((l, i) => html`${i > 0 ? ' · ' : ''}${l}`)}` : ''}`;
}
