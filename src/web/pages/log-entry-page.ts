import type { LogEntryView } from '../../store/ledger/read-log-entries.js';
import { formatTimestamp } from '../components/format-date.js';
import { html, type SafeHtml } from '../components/html.js';
import { layout, type PageFrame } from '../components/layout.js';
import { logSubjectLink } from '../components/log-subject-link.js';
import { logVerifyControl } from '../components/log-verify-control.js';
import { moduleScript } from '../components/module-script.js';

/**
 * A sealed field as the public may see it: always its commitment; its value and opening only
 * once unsealed (published in a later entry). A sealed field's value never reaches this view.
 */
export type SealedFieldView =
  | { readonly field: string; readonly commitment: string; readonly state: 'sealed' | 'shredded' }
  | { readonly field: string; readonly commitment: string; readonly state: 'unsealed'; readonly unsealedAt: string; readonly value: string; readonly opening: string };

/** An RFC 9162 inclusion proof of the entry against a signed checkpoint (hashes in base64). */
export interface InclusionProofView {
  readonly treeSize: string;
  readonly leafHash: string;
  readonly proof: readonly string[];
  readonly rootHash: string;
  /** The checkpoint's signed note, verbatim. */
  readonly checkpoint: string;
  readonly signedAt: string;
}

export interface LogEntryPageView {
  readonly entry: LogEntryView;
  readonly sealed: readonly SealedFieldView[];
  /** Null when the entry is newer than the latest checkpoint (it will be in the next one). */
  readonly proof: InclusionProofView | null;
  readonly verifierKey: string;
  /** Later entries about this one: its unsealings and shreddings. */
  readonly related: readonly LogEntryView[];
  /** The subjects that name a registry record with a page (see `linkedSubjects`). */
  readonly linkedSubjects: ReadonlySet<string>;
}

const STATE_NOTES = {
  sealed: 'Sealed: the log holds only a salted commitment; the value is kept apart, to be published or destroyed.',
  shredded: 'Shredded: the opening was destroyed, so nobody can ever learn or prove the value.',
} as const;

function sealedFields(fields: readonly SealedFieldView[]): SafeHtml {
  if (fields.length === 0) return html`<p class="muted">This entry has no sealed fields.</p>`;
  const rows = fields.map((f) => html`<tr class="seal-${f.state}">
<th scope="row"><code>${f.field}</code></th>
<td data-label="State"><strong>${f.state}</strong></td>
<td data-label="Commitment"><code>${f.commitment}</code></td>
<td data-label="Value">${f.state === 'unsealed'
    ? html`<p>Unsealed ${formatTimestamp(f.unsealedAt)}: <code>${f.value}</code></p><p class="note">Opening <code>${f.opening}</code></p>`
    : html`<span class="muted">${STATE_NOTES[f.state]}</span>`}</td>
</tr>`);
  return html`<div class="table-scroll"><table class="sealed-fields stack">
<thead><tr><th scope="col">Field</th><th scope="col">State</th><th scope="col">Commitment (SHA-256)</th><th scope="col">Value</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>
<p class="note">A commitment is SHA-256 over a domain tag, the field name, a random opening and the value: with the value and opening anyone can recompute it; without them it reveals nothing.</p>`;
}

function inclusionProof(index: string, proof: InclusionProofView | null): SafeHtml {
  if (!proof) return html`<p>This entry is newer than the latest signed checkpoint; its proof will be available once the next checkpoint is signed.</p>`;
  return html`<dl class="facts">
<dt>Leaf index</dt><dd>${index}</dd>
<dt>Tree size</dt><dd>${proof.treeSize} (checkpoint signed ${formatTimestamp(proof.signedAt)})</dd>
<dt>Leaf hash</dt><dd><code>${proof.leafHash}</code></dd>
<dt>Root hash</dt><dd><code>${proof.rootHash}</code></dd>
</dl>
<h3>Proof hashes <span class="muted">(lowest level first)</span></h3>
${proof.proof.length === 0 ? html`<p class="muted">None: the entry is the whole tree.</p>` : html`<ol class="hash-list" start="0">${proof.proof.map((h) => html`<li><code>${h}</code></li>`)}</ol>`}
<h3>Signed checkpoint</h3>
<pre class="signed-note">${proof.checkpoint}</pre>`;
}

function relatedEntries(related: readonly LogEntryView[]): SafeHtml {
  if (related.length === 0) return html``;
  return html`<section aria-labelledby="related-heading">
<h2 id="related-heading">Later entries about this entry</h2>
<ul class="record-list">${related.map((r) => html`<li><a href="/log/entries/${r.index}">Entry ${r.index}</a> · <code>${r.type}</code> · ${formatTimestamp(r.time)}</li>`)}</ul>
</section>`;
}

function prettyJson(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}

function prettyEntry(text: string): string {
  const parsed: unknown = JSON.parse(text);
  return prettyJson(parsed);
}

/**
 * One log entry: what it records (type, time, pseudonymous actor, subjects, data), its sealed
 * fields and their state, its inclusion proof against the latest signed checkpoint, its exact
 * bytes, and a "Verify in your browser" button. Everything the button checks is on the page and in
 * the linked proof JSON, so the page serves readers without script too.
 *
 * @example
 * c.html(logEntryPage(frame, { entry, sealed, proof, verifierKey, related }).toString());
 */
export function logEntryPage(frame: PageFrame, view: LogEntryPageView): SafeHtml {
  const { entry } = view;
  const proofUrl = `/api/v1/log/entries/${entry.index}/proof`;
  const main = html`<header class="record-header">
<p class="record-type">Transparency log entry</p>
<h1>Entry ${entry.index}: <code>${entry.type}</code></h1>
</header>
<dl class="facts">
<dt>Type</dt><dd><code>${entry.type}</code></dd>
<dt>Time</dt><dd><time datetime="${entry.time}">${formatTimestamp(entry.time)}</time></dd>
<dt>Actor</dt><dd><code>${entry.actor}</code> <span class="muted">(a pseudonymous id, not a name)</span></dd>
<dt>Subjects</dt><dd>${entry.subjects.length === 0 ? html`<span class="muted">none</span>` : html`<ul class="inline-list">${entry.subjects.map((s) => html`<li>${logSubjectLink(s, view.linkedSubjects)}</li>`)}</ul>`}</dd>
</dl>
<section class="verify-panel" aria-labelledby="verify-heading">
<h2 id="verify-heading">Is this entry in the log?</h2>
${view.proof
    ? html`<p>Your browser can check it without trusting this server's word: it hashes the entry's exact bytes, follows the inclusion proof to the root, and checks that root against the log's signed checkpoint.</p>
${logVerifyControl({ index: entry.index, verifierKey: view.verifierKey, entryBytesId: 'entry-bytes' })}
<p class="note">Or check it with other tools: the <a href="${proofUrl}" type="application/json">proof as JSON</a>, the <a href="/log/checkpoint">signed checkpoint</a> and the log's <a href="/log/key">verifier key</a>; <a href="/log#check">how to check the whole log</a>.</p>`
    : html`<p>Not yet: the entry is newer than the latest signed checkpoint.</p>`}
</section>
<section aria-labelledby="data-heading">
<h2 id="data-heading">Data</h2>
${entry.data === undefined ? html`<p class="muted">No data.</p>` : html`<pre class="json">${prettyJson(entry.data)}</pre>`}
</section>
<section aria-labelledby="sealed-heading">
<h2 id="sealed-heading">Sealed fields</h2>
${sealedFields(view.sealed)}
</section>
<section aria-labelledby="proof-heading">
<h2 id="proof-heading">Inclusion proof</h2>
${inclusionProof(entry.index, view.proof)}
</section>
<section aria-labelledby="bytes-heading">
<h2 id="bytes-heading">Entry bytes</h2>
<p>The entry as stored: canonical JSON (RFC 8785), ${new TextEncoder().encode(entry.entry).length} bytes of UTF-8. The leaf hash is SHA-256 of a zero byte followed by exactly these bytes (RFC 9162, section 2.1.1).</p>
<pre class="entry-bytes" id="entry-bytes">${entry.entry}</pre>
<h3>Pretty-printed</h3>
<pre class="json">${prettyEntry(entry.entry)}</pre>
</section>
${relatedEntries(view.related)}
${view.proof ? moduleScript('verify-log-entry.js') : ''}`;
  return layout(frame, { title: `Log entry ${entry.index}`, description: `Transparency log entry ${entry.index}: ${entry.type}, ${entry.time}.`, main });
}
