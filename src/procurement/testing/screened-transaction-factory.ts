import { EMPTY_RECIPIENT, type ContractTransaction } from '../contract-transaction.js';
import type { ProcurementEvent } from '../events/classify-event.js';
import type { MatchDecision } from '../matching/types.js';
import type { ScreenedTransaction } from '../screening/screen-transaction.js';

let counter = 0;

/**
 * A screened transaction built for a test: a contract action of `piid` matched to
 * `organizationId` with `decision`, read from `/data/incoming/FILE.csv` (a server path, as the
 * CLI sees it). Every field can be overridden.
 *
 * @example
 * const screened = aScreenedTransaction({ organizationId: 'acme', piid: '70TEST0001', decision: 'review' });
 */
export function aScreenedTransaction({ organizationId, organizationName = `Vendor ${organizationId}`, piid, decision = 'alert', event = 'award', awardKey, transaction = {} }: {
  organizationId: string;
  organizationName?: string;
  piid: string;
  decision?: MatchDecision;
  event?: ProcurementEvent;
  awardKey?: string;
  transaction?: Partial<ContractTransaction>;
}): ScreenedTransaction {
  counter += 1;
  const base: ContractTransaction = {
    transactionKey: `CONT_TX_${piid}_${counter}`, awardKey: awardKey ?? `CONT_AWD_${piid}_7012_-NONE-_-NONE-`, piid, modification: '0', transactionNumber: '0', parentPiid: '', parentAgencyId: '',
    agencyId: '7012', agencyName: 'Department of Homeland Security', subAgencyName: 'U.S. Immigration and Customs Enforcement', actionDate: '2025-03-01', amount: 125_000,
    actionTypeCode: '', actionType: '', description: 'SOFTWARE LICENSES', fundingOfficeName: '', recipient: { ...EMPTY_RECIPIENT, name: organizationName.toUpperCase(), nameRaw: organizationName.toUpperCase() },
    correctionDeleteInd: '', lastModified: '2025-03-02', permalink: '', origin: { kind: 'file', file: `/data/incoming/screen-${counter}.csv`, line: counter + 1 },
  };
  return {
    transaction: { ...base, ...transaction },
    match: { organizationId, organizationName, decision, score: decision === 'alert' ? 1 : 0.7, reasons: [decision === 'alert' ? 'name matches exactly' : 'name matches partly'] },
    event: { event, reason: `${event} (test)` },
  };
}
