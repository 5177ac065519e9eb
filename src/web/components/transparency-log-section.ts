import type { TransparencyLogEntry } from '../portal-dependencies.js';
import { formatTimestamp } from './format-date.js';
import { html, type SafeHtml } from './html.js';
import { logVerifyControl } from './log-verify-control.js';
import { moduleScript } from './module-script.js';
import { safeHref } from './safe-href.js';

function entryHref(href: string | undefined): string | null {
  if (!href) return null;
  if (href.startsWith('/') && !href.startsWith('//')) return href;
  return safeHref(href);
}

/**
 * "Transparency log entries" on every record page, each row linking its entry's page and its
 * inclusion proof, with a compact "Verify" button that checks the proof in the browser. The
 * ledger fills it through the portal's optional `logEntriesFor` dependency; when that is not wired
 * (`entries` undefined) the section is left out entirely, so no page promises a log it cannot show.
 *
 * @example
 * transparencyLogSection('organization:candiru', await deps.logEntriesFor?.('organization:candiru'));
 */
export function transparencyLogSection(subject: string, entries: readonly TransparencyLogEntry[] | undefined): SafeHtml {
  if (entries === undefined) return html``;
  const rows = entries.map((e) => {
    const href = entryHref(e.href);
    const index = e.index === null ? html`<span class="muted">pending</span>` : href ? html`<a href="${href}">${e.index}</a>` : html`${e.index}`;
    const check = e.index === null
      ? html`<span class="muted">—</span>`
      : html`<a href="/api/v1/log/entries/${e.index}/proof" type="application/json">proof</a> ${logVerifyControl({ index: e.index }, { compact: true })}`;
    return html`<tr><td>${index}</td><td><code>${e.type}</code></td><td>${formatTimestamp(e.time)}</td><td>${check}</td></tr>`;
  });
  const verifiable = entries.some((e) => e.index !== null);
  return html`<section class="transparency-log" id="transparency-log" aria-labelledby="transparency-log-heading" data-subject="${subject}">
<h2 id="transparency-log-heading">Transparency log entries</h2>
<p class="note">Every change to this record is appended to a public, verifiable log that cannot be quietly rewritten. <a href="/log">How to check the log</a>.</p>
${entries.length === 0
    ? html`<p class="muted">No log entries about this record yet.</p>`
    : html`<div class="table-scroll"><table><thead><tr><th scope="col">Entry</th><th scope="col">Event</th><th scope="col">Time</th><th scope="col">Inclusion</th></tr></thead><tbody>${rows}</tbody></table></div>`}
${verifiable ? moduleScript('verify-log-entry.js') : ''}
</section>`;
}
