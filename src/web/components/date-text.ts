import { formatDate } from './format-date.js';
import { html, type SafeHtml } from './html.js';

/**
 * A registry date as a `<time>` element: words for people, the ISO date for machines.
 *
 * @example
 * dateText('2025-09'); // <time datetime="2025-09">September 2025</time>
 */
export function dateText(date: string | null | undefined, missing = 'date unknown'): SafeHtml {
  if (!date) return html`<span class="muted">${missing}</span>`;
  return html`<time datetime="${date}">${formatDate(date)}</time>`;
}
