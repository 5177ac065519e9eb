import { contractEventLabel } from '../../registry/labels.js';
import type { ContractView } from '../../registry/views.js';
import { dateText } from './date-text.js';
import { html, type SafeHtml } from './html.js';
import { csrfField, type PageFrame } from './layout.js';

/**
 * A contract's facts that are only reported — read from a screened file, say — and wait for an
 * editor: each with a "Mark verified" form for editors (issue #13: screened facts stay reported
 * until an editor verifies them). Nothing when every fact is documented or verified.
 *
 * @example
 * verificationQueue(frame, view, can(frame.auth.actor, 'record.verify'));
 */
export function verificationQueue(frame: PageFrame, view: ContractView, canVerify: boolean): SafeHtml {
  const piid = view.contract.piid;
  const items = [
    ...(view.contract.status === 'reported' ? [{ type: 'contract', id: piid, what: html`The contract itself` }] : []),
    ...view.transactions.filter((t) => t.status === 'reported').map((t) => ({ type: 'transaction', id: t.id, what: html`${contractEventLabel(t.event)}, ${dateText(t.date)}${t.modification ? html` (modification <code>${t.modification}</code>)` : ''}` })),
  ];
  if (items.length === 0) return html``;
  const rows = items.map((item) => html`<li>${item.what}${canVerify ? html` <form method="post" action="/contracts/${piid}/verify" class="inline-form">${csrfField(frame.auth)}<input type="hidden" name="recordType" value="${item.type}"><input type="hidden" name="id" value="${item.id}"><button type="submit" class="secondary">Mark verified</button></form>` : ''}</li>`);
  return html`<section aria-labelledby="unverified-heading">
<h2 id="unverified-heading">Reported, not yet verified</h2>
<p>These facts come from screened procurement data or other reports and are shown as <em>Reported</em> until an editor checks them against their sources.</p>
<ul>${rows}</ul>
</section>`;
}
