import type { UsesTransaction } from '../uses/uses-transaction.js';
import { newAgencyKey } from './target-pseudonym.js';

/**
 * The agency's pseudonym key: made on its first authorisation and kept in the seal store (one
 * value in a group of its own), so it is never logged, never in a domain row, and shredding it
 * makes every pseudonym of that agency unlinkable to anyone.
 */
export async function agencyKey(tx: UsesTransaction, agency: string, at: string): Promise<string> {
  const ref = await tx.uses.agencyKeyRef(agency);
  if (ref !== null) return storedKey(tx, agency, ref);
  const key = await tx.seals.put(newAgencyKey());
  if (await tx.uses.insertAgencyKey(agency, key.id, at)) {
    if (typeof key.value !== 'string') throw new Error('an agency key is text');
    return key.value;
  }
  // Another transaction made the agency's key first: ours is destroyed unused, theirs is the key.
  await tx.seals.shred(key.id);
  const winner = await tx.uses.agencyKeyRef(agency);
  if (winner === null) throw new Error(`the pseudonym key of ${agency} was neither inserted nor found`);
  return storedKey(tx, agency, winner);
}

async function storedKey(tx: UsesTransaction, agency: string, ref: string): Promise<string> {
  const value = (await tx.seals.values([ref])).get(ref);
  if (typeof value !== 'string') throw new Error(`the pseudonym key of ${agency} was shredded: its targets can no longer be pseudonymised consistently`);
  return value;
}
