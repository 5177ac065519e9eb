import type { Kysely } from 'kysely';
import type { RecordShapes } from '../../../registry/registry-record.js';
import type { ContractView } from '../../../registry/views.js';
import type { Database } from '../../schema.js';
import { getRecord } from '../get-record.js';
import { partyRefs, sourceSummaries } from './lookups.js';

const EVENT_ORDER = ['award', 'modification', 'funding', 'stop-work', 'stop-work-lifted', 'termination', 'deletion'];

/** A contract's transactions in the order they happened (undated last, award first on a tie). */
export function sortTransactions(transactions: RecordShapes['transaction'][]): RecordShapes['transaction'][] {
  return transactions.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || EVENT_ORDER.indexOf(a.event) - EVENT_ORDER.indexOf(b.event) || a.id.localeCompare(b.id));
}

/** Contracts with their parties, transactions and every source they cite. */
export async function readContracts(db: Kysely<Database>, piids: readonly string[]): Promise<ContractView[]> {
  const views: ContractView[] = [];
  for (const piid of piids) {
    const contract = await getRecord(db, 'contract', piid);
    if (!contract) continue;
    const ids = await db.selectFrom('contractTransactions').select('id').where('piid', '=', piid).execute();
    const transactions: RecordShapes['transaction'][] = [];
    for (const { id } of ids) {
      const t = await getRecord(db, 'transaction', id);
      if (t) transactions.push(t);
    }
    const parties = await partyRefs(db, [contract.buyer, contract.fundingOffice, contract.recipient].filter((x): x is string => x !== undefined));
    // Screened rows cite their files: those sources are listed with the others.
    const screened = [...(contract.screened ?? []), ...transactions.flatMap((t) => t.screened ?? [])].map((o) => o.source);
    const sources = await sourceSummaries(db, [...contract.sources, ...transactions.flatMap((t) => t.sources), ...screened]);
    views.push({
      contract,
      buyer: contract.buyer ? parties.get(contract.buyer) ?? null : null,
      fundingOffice: contract.fundingOffice ? parties.get(contract.fundingOffice) ?? null : null,
      recipient: contract.recipient ? parties.get(contract.recipient) ?? null : null,
      transactions: sortTransactions(transactions),
      sources,
    });
  }
  return views;
}
