import type { ContractTransaction, CorrectionDeleteIndicator, TransactionOrigin } from '../contract-transaction.js';
import type { RecipientFields } from '../matching/types.js';
import { buildAwardKey, buildPermalink, buildTransactionKey } from '../transaction-keys.js';
import type { ColumnLayout, LayoutColumn } from './column-layout.js';

/** Reads one named column out of a decoded row; '' when the file lacks the column. */
export function columnValue(fields: readonly string[], layout: ColumnLayout, name: LayoutColumn): string {
  const position = layout.index.get(name);
  return position === undefined ? '' : (fields[position] ?? '');
}

/**
 * The recipient fields of a decoded row (or of the identifying span only, when `offset` says at
 * which column the given fields begin).
 *
 * @example
 * recipientFromRow(fields, layout).uei; // 'NW6QFTZACWM7'
 */
export function recipientFromRow(fields: readonly string[], layout: ColumnLayout, offset = 0): RecipientFields {
  const read = (name: LayoutColumn): string => {
    const position = layout.index.get(name);
    return position === undefined ? '' : (fields[position - offset] ?? '').trim();
  };
  return {
    uei: read('recipient_uei'),
    duns: read('recipient_duns'),
    cage: read('cage_code'),
    parentUei: read('recipient_parent_uei'),
    parentDuns: read('recipient_parent_duns'),
    name: read('recipient_name'),
    nameRaw: read('recipient_name_raw'),
    doingBusinessAs: read('recipient_doing_business_as_name'),
    parentName: read('recipient_parent_name'),
    parentNameRaw: read('recipient_parent_name_raw'),
  };
}

function deleteIndicator(value: string): CorrectionDeleteIndicator {
  const flag = value.trim().toUpperCase();
  return flag === 'C' || flag === 'D' ? flag : '';
}

/** `2024-10-08 12:00:00` or `2024-10-08` → `2024-10-08`. */
function isoDate(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  return match?.[1] ?? value.trim();
}

/**
 * Maps a decoded USAspending CSV row to the normalised transaction, building keys by the
 * README's formulas when a (delta) file leaves them blank.
 *
 * @example
 * const transaction = csvRowToTransaction(fields, layout, { kind: 'file', file: 'a.csv', line: 2 });
 */
export function csvRowToTransaction(fields: readonly string[], layout: ColumnLayout, origin: TransactionOrigin): ContractTransaction {
  const value = (name: LayoutColumn): string => columnValue(fields, layout, name).trim();
  const agencyId = value('awarding_sub_agency_code') || value('agency_id');
  const parts = {
    agencyId,
    parentAgencyId: value('parent_award_agency_id'),
    piid: value('award_id_piid'),
    modification: value('modification_number'),
    parentPiid: value('parent_award_id_piid'),
    transactionNumber: value('transaction_number'),
  };
  const awardKey = value('contract_award_unique_key') || buildAwardKey(parts);
  const amount = Number.parseFloat(value('federal_action_obligation'));
  return {
    transactionKey: value('contract_transaction_unique_key') || buildTransactionKey(parts),
    awardKey,
    piid: parts.piid,
    modification: parts.modification,
    transactionNumber: parts.transactionNumber,
    parentPiid: parts.parentPiid,
    parentAgencyId: parts.parentAgencyId,
    agencyId,
    agencyName: value('awarding_agency_name'),
    subAgencyName: value('awarding_sub_agency_name'),
    actionDate: isoDate(value('action_date')),
    amount: Number.isFinite(amount) ? amount : 0,
    actionTypeCode: value('action_type_code'),
    actionType: value('action_type'),
    description: value('transaction_description'),
    fundingOfficeName: value('funding_office_name'),
    recipient: recipientFromRow(fields, layout),
    correctionDeleteInd: deleteIndicator(value('correction_delete_ind')),
    lastModified: value('last_modified_date'),
    permalink: value('usaspending_permalink') || buildPermalink(awardKey),
    origin,
  };
}
