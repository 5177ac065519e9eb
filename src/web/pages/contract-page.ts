import { can } from '../../accounts/policies.js';
import { proposeChangeLink } from '../components/propose-change-link.js';
import type { ChangeRow } from '../../registry/registry-store.js';
import { verificationQueue } from '../components/verification-queue.js';
import type { ContractView } from '../../registry/views.js';
import { changeHistory } from '../components/change-history.js';
import { Citations } from '../components/citations.js';
import { contractFacts, transactionTable } from '../components/contract-details.js';
import { html, type SafeHtml } from '../components/html.js';
import { layout, type PageFrame } from '../components/layout.js';
import { statusBadge } from '../components/status-badge.js';
import { transparencyLogSection } from '../components/transparency-log-section.js';
import { draftButton } from './disclosure-requests-page.js';
import type { TransparencyLogEntry } from '../portal-dependencies.js';

/**
 * A contract's page: buyer, funding office, recipient, value, its USAspending record, and every
 * transaction — award, modifications, stop-work order, lift — each with its sources.
 *
 * @example
 * c.html(contractPage(frame, (await readContracts(db, ['70CTD024P00000012']))[0], history, undefined).toString());
 */
export function contractPage(frame: PageFrame, view: ContractView, history: readonly ChangeRow[], logEntries: readonly TransparencyLogEntry[] | undefined): SafeHtml {
  const { contract } = view;
  const citations = new Citations(view.sources);
  const title = `Contract ${contract.piid}`;
  const main = html`<article class="record">
<header class="record-header">
<p class="record-type">Government contract</p>
<h1>${title} ${statusBadge(contract.status)}</h1>
${proposeChangeLink(frame, 'contract', contract.piid)}
${view.buyer && view.recipient ? html`<p class="lede">${view.buyer.name} → ${view.recipient.name}</p>` : ''}
</header>
${contractFacts(view, citations)}
${draftButton(frame, 'contract', contract.piid)}
<section aria-labelledby="transactions-heading">
<h2 id="transactions-heading">Transactions</h2>
${transactionTable(view, citations)}
</section>
${verificationQueue(frame, view, can(frame.auth.actor, 'record.verify'))}
${citations.list()}
${changeHistory(history, view.sources)}
${transparencyLogSection(`contract:${contract.piid}`, logEntries)}
</article>`;
  return layout(frame, { title, description: `${title}: buyer, recipient, value and every transaction, with sources.`, main });
}
