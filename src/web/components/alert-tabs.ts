import { html, type SafeHtml } from './html.js';

/**
 * For analysts: tabs between the published alerts and the review queue (with its size). The
 * public sees no tabs: review items name companies that may only look like a listed vendor.
 *
 * @example
 * alertTabs('review', 2); // Published alerts | Review queue (2)
 */
export function alertTabs(current: 'published' | 'review', queueSize: number): SafeHtml {
  const tab = (name: 'published' | 'review', href: string, label: string) => html`<li><a href="${href}"${current === name ? html` aria-current="page"` : ''}>${label}</a></li>`;
  return html`<nav aria-label="Alert lists"><ul class="tabs">${tab('published', '/alerts', 'Published alerts')}${tab('review', '/alerts/review', `Review queue (${queueSize})`)}</ul></nav>`;
}
