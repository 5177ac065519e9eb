import type { LogEntryView } from '../../store/ledger/read-log-entries.js';
import { formatTimestamp } from '../components/format-date.js';
import { html, type SafeHtml } from '../components/html.js';
import { layout, type PageFrame } from '../components/layout.js';
import { logSubjectLink } from '../components/log-subject-link.js';
import { pagination, queryString } from '../components/pagination.js';

/** A signed checkpoint as the page shows it (root hash in base64). */
export interface CheckpointView {
  readonly size: string;
  readonly rootHash: string;
  readonly signedAt: string;
  /** The signed note, verbatim: checkpoint text, blank line, signature lines. */
  readonly note: string;
  readonly cosignatures: readonly { readonly witness: string; readonly signatureLine: string }[];
}

/** What the reader asked for: the entries' filter and page, and which earlier checkpoints. */
export interface LogPageRequest {
  readonly subject?: string | undefined;
  readonly offset: number;
  /** Earlier checkpoints are listed by size, newest first, below this one (keyset pages stay put as the log grows). */
  readonly before?: string | undefined;
}

export interface LogPageView {
  readonly origin: string;
  readonly verifierKey: string;
  /** Where this site is, for the `countersign log verify` line. */
  readonly siteUrl: string;
  readonly latest: CheckpointView | null;
  readonly earlier: { readonly items: readonly CheckpointView[]; readonly olderBefore: string | null };
  readonly entries: { readonly items: readonly LogEntryView[]; readonly total: number; readonly limit: number; readonly offset: number };
  /** The entries' subjects that name a registry record with a page (see `linkedSubjects`). */
  readonly linkedSubjects: ReadonlySet<string>;
}

function hrefFor(request: LogPageRequest, change: Partial<LogPageRequest>, anchor: string): string {
  const next = { ...request, ...change };
  return `/log${queryString({ subject: next.subject, offset: next.offset, before: next.before })}#${anchor}`;
}

function cosignatures(checkpoint: CheckpointView): SafeHtml {
  if (checkpoint.cosignatures.length === 0) {
    return html`<p class="muted">No witness has cosigned this checkpoint yet. Witnesses are independent servers that cosign a checkpoint only if it is consistent with every one they saw before, so the log cannot show different histories to different readers.</p>`;
  }
  const rows = checkpoint.cosignatures.map((c) => html`<tr><td data-label="Witness"><code>${c.witness}</code></td><td data-label="Signature line"><code>${c.signatureLine}</code></td></tr>`);
  return html`<div class="table-scroll"><table class="stack"><thead><tr><th scope="col">Witness</th><th scope="col">Signature line</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function latestCheckpoint(view: LogPageView): SafeHtml {
  const cp = view.latest;
  if (!cp) return html`<p>No checkpoint has been signed yet: the log is empty.</p>`;
  return html`<dl class="facts">
<dt>Origin</dt><dd><code>${view.origin}</code></dd>
<dt>Size</dt><dd><strong class="tree-size">${cp.size}</strong> ${cp.size === '1' ? 'entry' : 'entries'}</dd>
<dt>Root hash</dt><dd><code>${cp.rootHash}</code></dd>
<dt>Signed</dt><dd><time datetime="${cp.signedAt}">${formatTimestamp(cp.signedAt)}</time></dd>
</dl>
<h3>Signed note</h3>
<pre class="signed-note">${cp.note}</pre>
<h3>Witness cosignatures</h3>
${cosignatures(cp)}`;
}

function checkYourself(view: LogPageView): SafeHtml {
  return html`<section aria-labelledby="check">
<h2 id="check">Check the log yourself</h2>
<p>You need not trust this site. Keep the log's verifier key from a source you trust, and check that every checkpoint is signed by it, that each new one is consistent with the last one you saw (nothing rewritten), and that the entries you care about are included.</p>
<dl class="facts">
<dt>Verifier key</dt><dd><code class="verifier-key">${view.verifierKey}</code></dd>
</dl>
<p>With the Countersign command-line tool, which fetches the checkpoint and tiles, recomputes the tree and remembers what it saw:</p>
<pre class="command"><code>countersign log verify ${view.siteUrl}</code></pre>
<p>Or with any tool that speaks the <a class="external" href="https://c2sp.org/tlog-tiles">C2SP tiled log</a> protocol:</p>
<ul>
<li><a href="/log/checkpoint">/log/checkpoint</a>: the latest signed checkpoint (<a class="external" href="https://c2sp.org/tlog-checkpoint">tlog-checkpoint</a>, a <a class="external" href="https://c2sp.org/signed-note">signed note</a>)</li>
<li><a href="/log/key">/log/key</a>: the verifier key</li>
<li><code>/log/tile/…</code>: the Merkle tree's tiles and entry bundles</li>
<li><a href="/api/v1/log/checkpoints" type="application/json">/api/v1/log/checkpoints</a>: every checkpoint with its cosignatures, as JSON; each entry's proof is linked from its page</li>
</ul>
</section>`;
}

function entryTable(request: LogPageRequest, view: LogPageView): SafeHtml {
  const { entries } = view;
  const filter = html`<form class="filters" method="get" action="/log#entries" role="search" aria-label="Filter the entries">
<p><label for="log-subject">Subject</label><span class="hint" id="log-subject-hint">For example <code>organization:candiru</code> or <code>contract:70CTD024P00000012</code></span>
<input id="log-subject" type="text" name="subject" value="${request.subject ?? ''}" aria-describedby="log-subject-hint" maxlength="200" autocomplete="off"></p>
<p class="buttons"><button type="submit">Filter</button>${request.subject ? html` <a href="/log#entries">Show all entries</a>` : ''}</p>
</form>`;
  const rows = entries.items.map((e) => html`<tr>
<td data-label="Entry"><a href="/log/entries/${e.index}">${e.index}</a></td>
<td data-label="Type"><code>${e.type}</code></td>
<td data-label="Time"><time datetime="${e.time}">${formatTimestamp(e.time)}</time></td>
<td data-label="Subjects">${e.subjects.length === 0 ? html`<span class="muted">none</span>` : html`<ul class="inline-list">${e.subjects.map((s) => html`<li>${logSubjectLink(s, view.linkedSubjects)}</li>`)}</ul>`}</td>
</tr>`);
  const count = request.subject
    ? html`${entries.total} ${entries.total === 1 ? 'entry' : 'entries'} about <code>${request.subject}</code>`
    : html`${entries.total} ${entries.total === 1 ? 'entry' : 'entries'}, newest first`;
  return html`<section aria-labelledby="entries">
<h2 id="entries">Entries</h2>
${filter}
<p class="result-count" role="status">${count}</p>
${entries.items.length === 0 ? html`<p class="muted">No entries.</p>` : html`<div class="table-scroll"><table class="log-entries stack">
<thead><tr><th scope="col">Entry</th><th scope="col">Type</th><th scope="col">Time</th><th scope="col">Subjects</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`}
${pagination(entries, (offset) => hrefFor(request, { offset }, 'entries'))}
</section>`;
}

function earlierCheckpoints(request: LogPageRequest, view: LogPageView): SafeHtml {
  const { items, olderBefore } = view.earlier;
  const latestSize = view.latest?.size;
  const rows = items.map((cp) => html`<tr>
<td data-label="Size">${cp.size}</td>
<td data-label="Root hash"><code>${cp.rootHash}</code></td>
<td data-label="Signed"><time datetime="${cp.signedAt}">${formatTimestamp(cp.signedAt)}</time></td>
<td data-label="Witnesses">${cp.cosignatures.length}</td>
<td data-label="Consistency">${latestSize ? html`<a href="/api/v1/log/consistency${queryString({ from: cp.size, to: latestSize })}" type="application/json">proof to ${latestSize}</a>` : ''}</td>
</tr>`);
  const newer = request.before ? html`<a rel="prev" href="${hrefFor(request, { before: undefined }, 'checkpoints')}">← Newest checkpoints</a>` : html``;
  const older = olderBefore ? html`<a rel="next" href="${hrefFor(request, { before: olderBefore }, 'checkpoints')}">Older checkpoints →</a>` : html``;
  return html`<section aria-labelledby="checkpoints">
<h2 id="checkpoints">Earlier checkpoints</h2>
<p class="note">Each checkpoint commits to the whole log at its size; a consistency proof shows a later one only appended to it.</p>
${items.length === 0 ? html`<p class="muted">${request.before ? 'No older checkpoints.' : 'None before the latest.'}</p>` : html`<div class="table-scroll"><table class="checkpoints stack">
<thead><tr><th scope="col">Size</th><th scope="col">Root hash</th><th scope="col">Signed</th><th scope="col">Witnesses</th><th scope="col">Consistency</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`}
${request.before || olderBefore ? html`<nav class="pagination" aria-label="Checkpoint pages">${newer}${older}</nav>` : ''}
</section>`;
}

/**
 * The transparency log: the latest signed checkpoint (its note verbatim, its witnesses'
 * cosignatures), how to check the log independently, the entries newest first with a subject
 * filter, and the earlier checkpoints.
 *
 * @example
 * c.html(logPage(frame, { offset: 0 }, view).toString());
 */
export function logPage(frame: PageFrame, request: LogPageRequest, view: LogPageView): SafeHtml {
  const main = html`<h1>Transparency log</h1>
<p class="lede">Every change to the registry, every tip received and every review decision is appended to this log, a Merkle tree (RFC 9162) that can only grow. The log signs a checkpoint of the whole tree after each addition, so nothing in it can be changed or removed without everyone being able to tell.</p>
<section aria-labelledby="latest">
<h2 id="latest">Latest checkpoint</h2>
${latestCheckpoint(view)}
</section>
${checkYourself(view)}
${entryTable(request, view)}
${earlierCheckpoints(request, view)}`;
  return layout(frame, { title: 'Transparency log', description: 'The signed, append-only log of every change to the Countersign registry, and how to check it.', main });
}
