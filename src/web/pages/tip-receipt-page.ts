import type { TipRow } from '../../registry/tips/tips-store.js';
import { formatTimestamp } from '../components/format-date.js';
import { html, type SafeHtml } from '../components/html.js';
import { layout, type PageFrame } from '../components/layout.js';

const STATES: Readonly<Record<TipRow['status'], string>> = {
  pending: 'waiting for an analyst',
  accepted: 'accepted by an analyst: it is being followed up',
  dismissed: 'read by an analyst and not followed up',
};

/**
 * The receipt for a tip: its reference and when it arrived — never its content, which stays
 * with the analysts. The address is unguessable; keep it to check on the tip later.
 *
 * @example
 * c.html(tipReceiptPage(frame, tip).toString());
 */
export function tipReceiptPage(frame: PageFrame, tip: TipRow): SafeHtml {
  const main = html`<section class="narrow receipt">
<h1>Tip received</h1>
<p>Thank you. Your tip is in the analysts' queue.</p>
<dl class="facts">
<dt>Reference</dt><dd><code>${tip.id}</code></dd>
<dt>Received</dt><dd>${formatTimestamp(tip.submittedAt)}</dd>
<dt>Status</dt><dd>${STATES[tip.status]}</dd>
</dl>
<p class="note">Keep this page's address if you want to check on the tip later; it is the only way to find it. The tip's content is not shown here.</p>
<p><a href="/tips/new">Send another tip</a> · <a href="/">Back to the registry</a></p>
</section>`;
  return layout(frame, { title: 'Tip received', main });
}
