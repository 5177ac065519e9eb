/**
 * USAspending's natural keys for contract transactions and awards
 * (dataset/usaspending/README.md). Inputs that do not carry them (FPDS ATOM, parts of the API)
 * get them built here, so a transaction read from any source has the same key.
 */

const NONE = '-NONE-';

function orNone(value: string): string {
  return value.trim() === '' ? NONE : value.trim().toUpperCase();
}

export interface TransactionKeyParts {
  readonly agencyId: string;
  readonly parentAgencyId: string;
  readonly piid: string;
  readonly modification: string;
  readonly parentPiid: string;
  readonly transactionNumber: string;
}

/**
 * `{agency_id}_{ref_idv_agency|-NONE-}_{piid}_{mod}_{parent_piid|-NONE-}_{txn}`.
 *
 * @example
 * buildTransactionKey({ agencyId: '7012', parentAgencyId: '', piid: '70CTD024P00000012',
 *   modification: 'P00001', parentPiid: '', transactionNumber: '0' });
 * // '7012_-NONE-_70CTD024P00000012_P00001_-NONE-_0'
 */
export function buildTransactionKey(parts: TransactionKeyParts): string {
  return [
    parts.agencyId.trim().toUpperCase(),
    orNone(parts.parentAgencyId),
    parts.piid.trim().toUpperCase(),
    parts.modification.trim() === '' ? '0' : parts.modification.trim().toUpperCase(),
    orNone(parts.parentPiid),
    parts.transactionNumber.trim() === '' ? '0' : parts.transactionNumber.trim(),
  ].join('_');
}

/**
 * `CONT_AWD_{piid}_{agency_id}_{parent_piid|-NONE-}_{ref_idv_agency|-NONE-}`.
 *
 * @example
 * buildAwardKey({ agencyId: '7012', parentAgencyId: '', piid: '70CTD024P00000012', parentPiid: '' });
 * // 'CONT_AWD_70CTD024P00000012_7012_-NONE-_-NONE-'
 */
export function buildAwardKey(parts: Pick<TransactionKeyParts, 'agencyId' | 'parentAgencyId' | 'piid' | 'parentPiid'>): string {
  return `CONT_AWD_${parts.piid.trim().toUpperCase()}_${parts.agencyId.trim().toUpperCase()}_${orNone(parts.parentPiid)}_${orNone(parts.parentAgencyId)}`;
}

/**
 * The public award page.
 *
 * @example
 * buildPermalink('CONT_AWD_70CTD024P00000012_7012_-NONE-_-NONE-');
 * // 'https://www.usaspending.gov/award/CONT_AWD_70CTD024P00000012_7012_-NONE-_-NONE-/'
 */
export function buildPermalink(awardKey: string): string {
  return `https://www.usaspending.gov/award/${awardKey}/`;
}

/**
 * Splits an award key back into its parts (the API returns award keys but no parent PIID).
 * Returns null when the key is not a contract award key. A PIID never contains `_`, so splitting
 * from the ends is unambiguous.
 *
 * @example
 * parseAwardKey('CONT_AWD_HSSCCG10J00265_7003_HSHQDC06D00026_7001');
 * // { piid: 'HSSCCG10J00265', agencyId: '7003', parentPiid: 'HSHQDC06D00026', parentAgencyId: '7001' }
 */
export function parseAwardKey(
  awardKey: string,
): { piid: string; agencyId: string; parentPiid: string; parentAgencyId: string } | null {
  if (!awardKey.startsWith('CONT_AWD_')) return null;
  const parts = awardKey.slice('CONT_AWD_'.length).split('_');
  if (parts.length !== 4) return null;
  const [piid = '', agencyId = '', parentPiid = '', parentAgencyId = ''] = parts;
  const blank = (value: string): string => (value === NONE ? '' : value);
  return { piid, agencyId, parentPiid: blank(parentPiid), parentAgencyId: blank(parentAgencyId) };
}
