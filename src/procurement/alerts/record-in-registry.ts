import { writeRecord } from '../../registry/commands/write-record.js';
import type { CommandContext, RegistryTransaction } from '../../registry/commands/registry-transaction.js';
import type { ContractRecord, TransactionRecord } from '../../registry/registry-record.js';
import { transactionId } from '../../registry/schemas/contract.js';
import { OBSERVED_FIELDS, type ObservedField, type ScreenedObservation } from '../../registry/schemas/screened-observation.js';
import type { ContractTransaction } from '../contract-transaction.js';
import type { ProcurementEvent } from '../events/classify-event.js';
import { reconcileTransaction } from './reconcile-transaction.js';
import { screenedCitation, screenedSource } from './screened-source.js';

const UEI = /^[A-HJ-NP-Z1-9][A-HJ-NP-Z0-9]{11}$/;
const PIID = /^[A-Z0-9-]{4,50}$/;

type Values = Partial<Record<ObservedField, string | number>>;

/** What the row says that the record does not (a different value, or one the record lacks). */
function differences(record: Readonly<Partial<Record<ObservedField, unknown>>>, read: Values): Values {
  const out: Values = {};
  for (const field of OBSERVED_FIELDS) {
    const value = read[field];
    if (value !== undefined && record[field] !== value) out[field] = value;
  }
  return out;
}

/** The contract's observations with one more, unless the same source already said exactly this (each row of a file repeats the award's fields). */
function observedOnce(existing: ScreenedObservation[] | undefined, observation: ScreenedObservation): ScreenedObservation[] | undefined {
  const all = existing ?? [];
  if (all.some((o) => o.source === observation.source && JSON.stringify(o.values) === JSON.stringify(observation.values))) return existing;
  return [...all, observation];
}

/**
 * Records a matched procurement action in the registry, citing the screened file (name, SHA-256,
 * row) or the API answer it came from. A contract or transaction the registry does not hold yet is
 * added as `reported` — an editor verifies it. One it holds keeps its documented values: what the
 * row says differently is kept beside them as an observation with its own source, never written
 * over them (issue #13: an illustrative sample rewrote the lift date of a documented stop-work
 * order). A stop-work order reported by the press and the same order in the data become one fact
 * with both values. Writing the same action twice changes nothing.
 */
export async function recordInRegistry(tx: RegistryTransaction, ctx: CommandContext, transaction: ContractTransaction, organizationId: string, event: ProcurementEvent): Promise<void> {
  if (!PIID.test(transaction.piid)) return;
  const source = screenedSource(transaction);
  await writeRecord(tx, ctx, { type: 'source', record: source });
  const citation = screenedCitation(transaction, source.id);

  const stored = await tx.registry.getRecord('contract', transaction.piid);
  const buyer = (await tx.registry.governmentAgencyByName(transaction.subAgencyName)) ?? (await tx.registry.governmentAgencyByName(transaction.agencyName));
  const fundingOffice = await tx.registry.governmentAgencyByName(transaction.fundingOfficeName);
  const awardKey = /^CONT_AWD_[A-Z0-9_-]+$/.test(transaction.awardKey) ? transaction.awardKey : undefined;
  const uei = UEI.test(transaction.recipient.uei) ? transaction.recipient.uei : undefined;
  const contractRead: Values = { ...(awardKey ? { awardKey } : {}), ...(buyer ? { buyer } : {}), ...(fundingOffice ? { fundingOffice } : {}), recipient: organizationId, ...(uei ? { recipientUei: uei } : {}) };
  let contract: ContractRecord;
  if (stored) {
    const values = differences(stored, contractRead);
    const screened = Object.keys(values).length === 0 ? stored.screened : observedOnce(stored.screened, { ...citation, values });
    contract = { ...stored, ...(screened ? { screened } : {}) };
  } else {
    contract = {
      piid: transaction.piid,
      ...(awardKey ? { awardKey } : {}),
      ...(buyer ? { buyer } : {}),
      ...(fundingOffice ? { fundingOffice } : {}),
      recipient: organizationId,
      ...(uei ? { recipientUei: uei } : {}),
      ...(event === 'award' && transaction.amount > 0 ? { value: transaction.amount } : {}),
      currency: 'USD',
      ...(transaction.description ? { description: transaction.description.slice(0, 10_000) } : {}),
      sources: [source.id],
      status: 'reported',
      screened: [citation],
    };
  }
  await writeRecord(tx, ctx, { type: 'contract', record: contract });

  const existing = await tx.registry.transactionsOf(transaction.piid);
  const observedKey = existing.find((t) => t.screened?.some((o) => o.transactionKey === transaction.transactionKey));
  const match = observedKey ?? reconcileTransaction(existing, { transactionKey: transaction.transactionKey, event, date: transaction.actionDate });
  const modification = /^[A-Z0-9-]{1,30}$/.test(transaction.modification) ? transaction.modification : undefined;
  const description = transaction.description ? transaction.description.slice(0, 10_000) : undefined;
  if (match === null) {
    const record: TransactionRecord = {
      id: transactionId(transaction.piid, { event, date: transaction.actionDate, ...(modification ? { modification } : {}) }),
      piid: transaction.piid,
      event,
      date: transaction.actionDate,
      ...(modification ? { modification } : {}),
      transactionKey: transaction.transactionKey,
      amount: transaction.amount,
      ...(description ? { description } : {}),
      sources: [source.id],
      status: 'reported',
      screened: [citation],
    };
    await writeRecord(tx, ctx, { type: 'transaction', record });
    return;
  }
  // Read from this very row before (or already observed): nothing new.
  if (match.transactionKey === transaction.transactionKey || observedKey) return;
  const values = differences(match, { date: transaction.actionDate, ...(modification ? { modification } : {}), amount: transaction.amount, ...(description ? { description } : {}) });
  await writeRecord(tx, ctx, { type: 'transaction', record: { ...match, screened: [...(match.screened ?? []), { ...citation, values }] } });
}
