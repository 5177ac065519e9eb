import type { ContractTransaction } from '../contract-transaction.js';
import type { RecipientFields } from '../matching/types.js';
import { buildPermalink, buildTransactionKey, parseAwardKey } from '../transaction-keys.js';
import { actionTypeOf } from './action-type-code.js';
import type { AwardTransaction } from './api-responses.js';

/** What /api/v2/transactions/ does not repeat on each row: the award it belongs to. */
export interface AwardContext {
  /** `generated_unique_award_id`, e.g. `CONT_AWD_70CTD024P00000012_7012_-NONE-_-NONE-`. */
  readonly awardKey: string;
  readonly recipient: RecipientFields;
  readonly agencyName?: string;
  readonly subAgencyName?: string;
}

/**
 * Maps one row of `/api/v2/transactions/` (an award's transaction history) to the normalised
 * transaction. Its `id` is `CONT_TX_` followed by the transaction key; the recipient comes from the
 * award.
 *
 * @example
 * awardTransactionToTransaction(row, { awardKey, recipient }, 'https://api.usaspending.gov/api/v2/transactions/');
 */
export function awardTransactionToTransaction(row: AwardTransaction, award: AwardContext, url: string): ContractTransaction {
  const parsed = parseAwardKey(award.awardKey);
  const fromId = row.id.startsWith('CONT_TX_') ? row.id.slice('CONT_TX_'.length) : '';
  const modification = (row.modification_number ?? '').trim() || '0';
  const parts = {
    agencyId: parsed?.agencyId ?? '',
    parentAgencyId: parsed?.parentAgencyId ?? '',
    piid: parsed?.piid ?? '',
    modification,
    parentPiid: parsed?.parentPiid ?? '',
    transactionNumber: fromId === '' ? '0' : (fromId.split('_').pop() ?? '0'),
  };
  const action = actionTypeOf(row.action_type ?? '', row.action_type_description ?? '');
  const amount = typeof row.federal_action_obligation === 'number' ? row.federal_action_obligation : Number.parseFloat(row.federal_action_obligation ?? '');
  return {
    transactionKey: fromId || buildTransactionKey(parts),
    awardKey: award.awardKey,
    piid: parts.piid,
    modification,
    transactionNumber: parts.transactionNumber,
    parentPiid: parts.parentPiid,
    parentAgencyId: parts.parentAgencyId,
    agencyId: parts.agencyId,
    agencyName: award.agencyName ?? '',
    subAgencyName: award.subAgencyName ?? '',
    actionDate: row.action_date.slice(0, 10),
    amount: Number.isFinite(amount) ? amount : 0,
    actionTypeCode: action.code,
    actionType: action.meaning,
    description: (row.description ?? '').trim(),
    fundingOfficeName: '',
    recipient: award.recipient,
    correctionDeleteInd: '',
    lastModified: '',
    permalink: buildPermalink(award.awardKey),
    origin: { kind: 'url', url },
  };
}
