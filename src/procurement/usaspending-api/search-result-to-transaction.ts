import { EMPTY_RECIPIENT, type ContractTransaction } from '../contract-transaction.js';
import { buildAwardKey, buildPermalink, buildTransactionKey, parseAwardKey } from '../transaction-keys.js';
import { actionTypeOf } from './action-type-code.js';
import type { SearchResult } from './api-responses.js';

function amountOf(value: string | number | null | undefined): number {
  const number = typeof value === 'number' ? value : Number.parseFloat(value ?? '');
  return Number.isFinite(number) ? number : 0;
}

/**
 * Maps one spending_by_transaction result to the normalised transaction. The search returns the
 * award key (`generated_internal_id`) but no parent PIID or transaction number: those come from
 * the award key, and the transaction number is taken as 0 (the API lists one row per
 * modification).
 *
 * @example
 * searchResultToTransaction(result, 'https://api.usaspending.gov/api/v2/search/spending_by_transaction/#page=1');
 */
export function searchResultToTransaction(result: SearchResult, url: string): ContractTransaction {
  const awardKeyGiven = (result.generated_internal_id ?? '').trim();
  const parsed = parseAwardKey(awardKeyGiven);
  const piid = (result['Award ID'] ?? parsed?.piid ?? '').trim();
  const parts = {
    agencyId: parsed?.agencyId ?? '',
    parentAgencyId: parsed?.parentAgencyId ?? '',
    piid,
    modification: (result.Mod ?? '').trim() || '0',
    parentPiid: parsed?.parentPiid ?? '',
    transactionNumber: '0',
  };
  const awardKey = awardKeyGiven || buildAwardKey(parts);
  const action = actionTypeOf(result['Action Type'] ?? '');
  const name = (result['Recipient Name'] ?? '').trim();
  return {
    transactionKey: buildTransactionKey(parts),
    awardKey,
    piid,
    modification: parts.modification,
    transactionNumber: parts.transactionNumber,
    parentPiid: parts.parentPiid,
    parentAgencyId: parts.parentAgencyId,
    agencyId: parts.agencyId,
    agencyName: (result['Awarding Agency'] ?? '').trim(),
    subAgencyName: (result['Awarding Sub Agency'] ?? '').trim(),
    actionDate: (result['Action Date'] ?? '').slice(0, 10),
    amount: amountOf(result['Transaction Amount']),
    actionTypeCode: action.code,
    actionType: action.meaning,
    description: (result['Transaction Description'] ?? '').trim(),
    fundingOfficeName: '',
    recipient: { ...EMPTY_RECIPIENT, uei: (result['Recipient UEI'] ?? '').trim(), name, nameRaw: name },
    correctionDeleteInd: '',
    lastModified: '',
    permalink: buildPermalink(awardKey),
    origin: { kind: 'url', url },
  };
}
