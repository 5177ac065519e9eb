import { describe, expect, it } from 'vitest';
import { buildAwardKey, buildPermalink, buildTransactionKey, parseAwardKey } from './transaction-keys.js';

describe('USAspending keys', () => {
  it('builds the keys of the sample file', () => {
    const parts = { agencyId: '7012', parentAgencyId: '', piid: '70CTD024P00000012', modification: 'P00001', parentPiid: '', transactionNumber: '0' };
    expect(buildTransactionKey(parts)).toBe('7012_-NONE-_70CTD024P00000012_P00001_-NONE-_0');
    expect(buildAwardKey(parts)).toBe('CONT_AWD_70CTD024P00000012_7012_-NONE-_-NONE-');
    expect(buildPermalink(buildAwardKey(parts))).toBe('https://www.usaspending.gov/award/CONT_AWD_70CTD024P00000012_7012_-NONE-_-NONE-/');
  });

  it('puts the referenced IDV in both keys, in their different orders', () => {
    const parts = { agencyId: '7003', parentAgencyId: '7001', piid: 'HSSCCG10J00265', modification: 'P00011', parentPiid: 'HSHQDC06D00026', transactionNumber: '0' };
    expect(buildTransactionKey(parts)).toBe('7003_7001_HSSCCG10J00265_P00011_HSHQDC06D00026_0');
    expect(buildAwardKey(parts)).toBe('CONT_AWD_HSSCCG10J00265_7003_HSHQDC06D00026_7001');
    expect(parseAwardKey('CONT_AWD_HSSCCG10J00265_7003_HSHQDC06D00026_7001')).toEqual({
      piid: 'HSSCCG10J00265',
      agencyId: '7003',
      parentPiid: 'HSHQDC06D00026',
      parentAgencyId: '7001',
    });
    expect(parseAwardKey('ASST_NON_NNX17AJ96A_8000')).toBeNull();
  });
});
