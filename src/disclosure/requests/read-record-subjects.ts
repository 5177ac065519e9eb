import type { AlertsTransaction } from '../../procurement/alerts/alerts-transaction.js';
import { contractEventLabel } from '../../registry/labels.js';
import type { DraftSubject, SubjectAction } from './draft-subject.js';

/** The contract's recorded actions (award, modifications, stop-work orders), oldest first. */
async function actionsOf(tx: AlertsTransaction, piid: string): Promise<SubjectAction[]> {
  const transactions = await tx.registry.transactionsOf(piid);
  return transactions
    .map((t) => ({ date: t.date ?? '', what: `${contractEventLabel(t.event).toLowerCase()}${t.modification && t.modification !== '0' ? ` (modification ${t.modification})` : ''}`, description: t.description ?? null }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

async function organizationName(tx: AlertsTransaction, id: string): Promise<string | null> {
  return (await tx.registry.getRecord('organization', id))?.name ?? null;
}

/**
 * A contract in the registry by PIID: its buyer is the agency asked, its recorded transactions
 * the actions the letter names.
 */
export async function readContractSubject(tx: AlertsTransaction, piid: string): Promise<DraftSubject | null> {
  const contract = await tx.registry.getRecord('contract', piid);
  if (!contract || !contract.buyer) return null;
  const agencyName = await organizationName(tx, contract.buyer);
  if (agencyName === null) return null;
  const actions = await actionsOf(tx, piid);
  return {
    kind: 'contract', id: piid, agencyId: contract.buyer, agencyName, vendorName: contract.recipient ? await organizationName(tx, contract.recipient) : null,
    piid, awardKey: contract.awardKey ?? null, awardDate: actions.find((a) => a.what === 'award')?.date ?? null, description: contract.description ?? null,
    actions, matter: null, unpublishedSteps: [], path: `/contracts/${encodeURIComponent(piid)}`,
  };
}

/**
 * A public procurement alert (raised, or confirmed by an analyst): the agency is the registry
 * organisation named like the awarding sub-agency (or the contract's buyer), the contract's
 * recorded actions come with it. A review-queue item is sealed, so it reads as absent.
 */
export async function readAlertSubject(tx: AlertsTransaction, id: string): Promise<DraftSubject | null> {
  const alert = await tx.alerts.get(id);
  if (!alert || (alert.status !== 'raised' && alert.status !== 'confirmed')) return null;
  const contract = await tx.registry.getRecord('contract', alert.piid);
  const agencyId = (alert.transaction.subAgencyName ? await tx.registry.governmentAgencyByName(alert.transaction.subAgencyName) : null)
    ?? contract?.buyer ?? (alert.transaction.agencyName ? await tx.registry.governmentAgencyByName(alert.transaction.agencyName) : null);
  if (!agencyId) return null;
  const agencyName = (await organizationName(tx, agencyId)) ?? alert.transaction.subAgencyName;
  const recorded = await actionsOf(tx, alert.piid);
  const own: SubjectAction = { date: alert.actionDate, what: `${contractEventLabel(alert.event).toLowerCase()}${alert.modification && alert.modification !== '0' ? ` (modification ${alert.modification})` : ''}`, description: alert.transaction.description || null };
  const actions = recorded.some((a) => a.date === own.date && a.what === own.what) ? recorded : [...recorded, own].sort((a, b) => (a.date < b.date ? -1 : 1));
  return {
    kind: 'alert', id, agencyId, agencyName, vendorName: alert.organizationName, piid: alert.piid, awardKey: alert.awardKey || contract?.awardKey || null,
    awardDate: actions.find((a) => a.what === 'award')?.date ?? null, description: contract?.description ?? null, actions, matter: null, unpublishedSteps: [], path: `/alerts/${id}`,
  };
}
