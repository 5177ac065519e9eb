import type { RegistryTransaction } from '../../registry/commands/registry-transaction.js';
import type { ContractTransaction } from '../contract-transaction.js';

/**
 * The contract that already holds this transaction's award key under another PIID, if any. An
 * award key names one award; two PIIDs with one key means the registry or the data is wrong, and
 * a person must decide — recording it would break the key's uniqueness (it was a 500).
 */
export async function awardKeyConflict(tx: RegistryTransaction, transaction: ContractTransaction): Promise<string | null> {
  if (!/^CONT_AWD_[A-Z0-9_-]+$/.test(transaction.awardKey)) return null;
  const holder = await tx.registry.contractWithAwardKey(transaction.awardKey);
  return holder !== null && holder !== transaction.piid ? holder : null;
}
