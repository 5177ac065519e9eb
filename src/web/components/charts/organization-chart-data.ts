import { authorityLabel, contractEventLabel, designationListLabel } from '../../../registry/labels.js';
import type { ContractView, OrganizationView } from '../../../registry/views.js';
import { viaFamilyText } from '../via-family.js';
import type { Obligation } from './obligations-chart.js';
import type { TimelineEvent } from './record-timeline.js';

/**
 * Everything dated on an organisation's page — its own and its subsidiaries' and affiliates'
 * designations, incidents and contract events — as timeline events ("via …" in the words).
 *
 * @example
 * recordTimeline(organizationTimelineEvents(view), { id: 'timeline', title: '…' });
 */
export function organizationTimelineEvents(view: OrganizationView): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const designations = [...view.designations.map((d) => ({ d, via: '' })), ...view.rolledUp.designations.map((r) => ({ d: r.item, via: ` (${viaFamilyText(r.via)})` }))];
  for (const { d, via } of designations) {
    const list = `${authorityLabel(d.authority)} ${designationListLabel(d.list)}`;
    events.push({ date: d.listed, lane: 'designations', mark: 'listed', text: `Listed: ${list}${via}` });
    if (d.delisted) events.push({ date: d.delisted, lane: 'designations', mark: 'delisted', text: `Delisted: ${list}${via}` });
  }
  const incidents = [...view.incidents.map((i) => ({ i, via: '' })), ...view.rolledUp.incidents.map((r) => ({ i: r.item, via: ` (${viaFamilyText(r.via)})` }))];
  for (const { i, via } of incidents) if (i.date) events.push({ date: i.date, lane: 'incidents', mark: 'incident', text: `${i.title}${via}` });
  const contracts = [...view.contracts.map((c) => ({ c, via: '' })), ...view.rolledUp.contracts.map((r) => ({ c: r.item, via: ` (${viaFamilyText(r.via)})` }))];
  for (const { c, via } of contracts) {
    for (const t of c.transactions) if (t.date) events.push({ date: t.date, lane: 'contracts', mark: 'contract', text: `${contractEventLabel(t.event)} of contract ${c.contract.piid}${via}` });
  }
  return events;
}

/**
 * The obligations of an organisation's contracts (its own and its family's), split by its side:
 * `received` where it or a subsidiary is the recipient (a vendor), `awarded` where it or a
 * component is the buyer or funding office (an agency). Transactions without a date or an amount
 * cannot be drawn and are left out (their contracts' tables still show them).
 *
 * @example
 * const { received, awarded } = organizationObligations(view);
 */
export function organizationObligations(view: OrganizationView): { received: Obligation[]; awarded: Obligation[] } {
  const family = new Set([view.organization.id, ...view.family.filter((m) => m.side === 'holding').map((m) => m.ref.id)]);
  const received: Obligation[] = [];
  const awarded: Obligation[] = [];
  const all: ContractView[] = [...view.contracts, ...view.rolledUp.contracts.map((r) => r.item)];
  for (const c of all) {
    const side = c.contract.recipient && family.has(c.contract.recipient) ? received : awarded;
    for (const t of c.transactions) {
      if (t.date && t.amount !== undefined) side.push({ date: t.date, piid: c.contract.piid, event: t.event, amount: t.amount, currency: c.contract.currency });
    }
  }
  return { received, awarded };
}
