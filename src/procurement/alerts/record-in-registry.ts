import { writeRecord } from '../../registry/commands/write-record.js';
import type { CommandContext, RegistryTransaction } from '../../registry/commands/registry-transaction.js';
import type { ContractRecord, TransactionRecord } from '../../registry/registry-record.js';
import { transactionId } from '../../registry/schemas/contract.js';
import type { ContractTransaction } from '../contract-transaction.js';
import type { ProcurementEvent } from '../events/classify-event.js';
import { procurementSource } from './procurement-source.js';
import { reconcileTransaction } from './reconcile-transaction.js';

const UEI = /^[A-HJ-NP-Z1-9][A-HJ-NP-Z0-9]{11}$/;
const PIID = /^[A-Z0-9-]{4,50}$/;

const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])].sort();

/** The more precise of two dates for the same action: a full date beats a month. */
function preciser(a: string | undefined, b: string): string {
  return a !== undefined && a.length >= b.length ? a : b;
}

/**
 * Records a matched procurement action in the registry: the USAspending source, the contract
 * (created, or completed with what it lacked), and the transaction — merged into the sourced one
 * it reconciles with, so a stop-work order reported by the press and the same order in FPDS
 * become one fact with both sources. Writing the same action twice changes nothing.
 */
export async function recordInRegistry(tx: RegistryTransaction, ctx: CommandContext, transaction: ContractTransaction, organizationId: string, event: ProcurementEvent): Promise<void> {
  if (!PIID.test(transaction.piid)) return;
  const source = procurementSource(transaction);
  await writeRecord(tx, ctx, { type: 'source', record: source });

  const stored = await tx.registry.getRecord('contract', transaction.piid);
  const buyer = (await tx.registry.governmentAgencyByName(transaction.subAgencyName)) ?? (await tx.registry.governmentAgencyByName(transaction.agencyName));
  const fundingOffice = await tx.registry.governmentAgencyByName(transaction.fundingOfficeName);
  const awardKey = /^CONT_AWD_[A-Z0-9_-]+$/.test(transaction.awardKey) ? transaction.awardKey : undefined;
  const uei = UEI.test(transaction.recipient.uei) ? transaction.recipient.uei : undefined;
  const contract: ContractRecord = stored
    ? {
        ...stored,
        ...(stored.awardKey === undefined && awardKey ? { awardKey } : {}),
        ...(stored.recipient === undefined ? { recipient: organizationId } : {}),
        ...(stored.recipientUei === undefined && uei ? { recipientUei: uei } : {}),
        ...(stored.buyer === undefined && buyer ? { buyer } : {}),
        ...(stored.fundingOffice === undefined && fundingOffice ? { fundingOffice } : {}),
        sources: union(stored.sources, [source.id]),
      }
    : {
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
        status: 'documented',
      };
  await writeRecord(tx, ctx, { type: 'contract', record: contract });

  const existing = await tx.registry.transactionsOf(transaction.piid);
  const match = reconcileTransaction(existing, { transactionKey: transaction.transactionKey, event, date: transaction.actionDate });
  const modification = /^[A-Z0-9-]{1,30}$/.test(transaction.modification) ? transaction.modification : undefined;
  const record: TransactionRecord = {
    ...(match ?? { id: transactionId(transaction.piid, { event, date: transaction.actionDate, ...(modification ? { modification } : {}) }), piid: transaction.piid, status: 'documented' as const, sources: [] }),
    event,
    date: preciser(match?.date, transaction.actionDate),
    ...(modification ? { modification } : {}),
    transactionKey: transaction.transactionKey,
    amount: transaction.amount,
    ...(transaction.description ? { description: transaction.description.slice(0, 10_000) } : {}),
    sources: union(match?.sources ?? [], [source.id]),
  };
  await writeRecord(tx, ctx, { type: 'transaction', record });
}
