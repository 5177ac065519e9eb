import { contractEventLabel } from '../../registry/labels.js';
import type { ContractEvent } from '../../registry/schemas/contract.js';
import { recordUrl } from '../../registry/search/search-result.js';
import type { ContractView, FamilyMember } from '../../registry/views.js';
import type { Citations } from './citations.js';
import { dateText } from './date-text.js';
import { formatAmount } from './format-amount.js';
import { html, type SafeHtml } from './html.js';
import { recordLink } from './record-link.js';
import { screenedValues } from './screened-values.js';
import { statusBadge } from './status-badge.js';
import { viaFamily } from './via-family.js';

/**
 * A contract event in words (the label module's {@link contractEventLabel}).
 *
 * @example
 * contractEventName('stop-work-lifted'); // 'Stop-work order lifted'
 */
export function contractEventName(event: ContractEvent): string {
  return contractEventLabel(event);
}

/**
 * USAspending's public page for an award, from its award key (contract_award_unique_key):
 * `https://www.usaspending.gov/award/{key}/`.
 *
 * @example
 * usaspendingUrl('CONT_AWD_70CTD024P00000012_7012_-NONE-_-NONE-');
 */
export function usaspendingUrl(awardKey: string): string {
  return `https://www.usaspending.gov/award/${encodeURIComponent(awardKey)}/`;
}

/**
 * Who bought, who paid, who received, how much, and the award's public record.
 *
 * @example
 * contractFacts(view, citations);
 */
export function contractFacts(view: ContractView, citations: Citations): SafeHtml {
  const { contract } = view;
  return html`<dl class="facts">
<dt>Buyer</dt><dd>${recordLink(view.buyer, contract.buyer ?? 'not recorded')}</dd>
${contract.fundingOffice ? html`<dt>Funding office</dt><dd>${recordLink(view.fundingOffice, contract.fundingOffice)}</dd>` : ''}
<dt>Recipient</dt><dd>${recordLink(view.recipient, contract.recipient ?? 'not recorded')}${contract.recipientUei ? html` <span class="muted">(UEI <code>${contract.recipientUei}</code>)</span>` : ''}</dd>
${contract.value !== undefined ? html`<dt>Value</dt><dd>${formatAmount(contract.value, contract.currency)}</dd>` : ''}
${contract.competition ? html`<dt>Competition</dt><dd>${contract.competition}</dd>` : ''}
${contract.term ? html`<dt>Term</dt><dd>${contract.term}</dd>` : ''}
${contract.description ? html`<dt>Description</dt><dd>${contract.description}</dd>` : ''}
${contract.notes ? html`<dt>Notes</dt><dd>${contract.notes}</dd>` : ''}
${contract.awardKey ? html`<dt>USAspending</dt><dd><a class="external" href="${usaspendingUrl(contract.awardKey)}" rel="noopener noreferrer">Award ${contract.awardKey}</a>${contract.awardKeyNote ? html` <span class="muted">(${contract.awardKeyNote})</span>` : ''}</dd>` : ''}
<dt>Status</dt><dd>${statusBadge(contract.status)} ${citations.cite(contract.sources)}</dd>
${contract.screened && contract.screened.length > 0 ? html`<dt>Screened data</dt><dd>${screenedValues('contract', contract.screened, citations, contract.currency)}</dd>` : ''}
</dl>`;
}

/**
 * Every transaction of a contract in the order it happened — the award, each modification, a
 * stop-work order and its lift — with the amount, the description and the sources of each.
 *
 * @example
 * transactionTable(view, citations);
 */
export function transactionTable(view: ContractView, citations: Citations): SafeHtml {
  if (view.transactions.length === 0) return html`<p class="muted">No transactions recorded.</p>`;
  const rows = view.transactions.map((t) => html`<tr class="event-${t.event}">
<td data-label="Date">${dateText(t.date)}</td>
<td data-label="Modification">${t.modification ? html`<code>${t.modification}</code>` : html`<span class="muted">—</span>`}</td>
<td data-label="Event">${contractEventName(t.event)} ${statusBadge(t.status)}</td>
<td class="amount" data-label="Amount">${t.amount !== undefined ? formatAmount(t.amount, view.contract.currency) : html`<span class="muted">—</span>`}</td>
<td data-label="Description">${t.description ? html`<p>${t.description}</p>` : ''}${t.note ? html`<p class="note">${t.note}</p>` : ''}${screenedValues('transaction', t.screened, citations, view.contract.currency)}</td>
<td data-label="Sources">${citations.cite(t.sources)}</td>
</tr>`);
  return html`<div class="table-scroll"><table class="transactions stack">
<caption>Transactions of contract ${view.contract.piid}</caption>
<thead><tr><th scope="col">Date</th><th scope="col">Modification</th><th scope="col">Event</th><th scope="col">Amount</th><th scope="col">Description</th><th scope="col">Sources</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
}

/**
 * A contract as a section of another page (an organisation's): heading linking to its own page,
 * the family member it came through when it is a subsidiary's or an affiliate's, facts, transactions.
 *
 * @example
 * view.contracts.map((contract) => contractSection(contract, citations));
 */
export function contractSection(view: ContractView, citations: Citations, via?: FamilyMember): SafeHtml {
  const piid = view.contract.piid;
  return html`<article class="contract" id="contract-${piid}">
<h3><a href="${recordUrl('contract', piid)}">Contract ${piid}</a></h3>
${via ? html`<p class="via-line">${viaFamily(via)}</p>` : ''}
${contractFacts(view, citations)}
${transactionTable(view, citations)}
</article>`;
}
