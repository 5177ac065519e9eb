import { describe, expect, it } from 'vitest';
import { parseRecordInput } from '../record-input.js';
import { cusipOfIsin, isValidCusip, isValidIsin, isValidLei } from './security-identifiers.js';

describe('security identifiers', () => {
  it('accepts published identifiers and refuses each with one character changed', () => {
    // Apple Inc. common stock (CUSIP, ISIN); Axon Enterprise, Inc. and Bloomberg Finance L.P. (LEIs, GLEIF).
    expect(isValidCusip('037833100')).toBe(true);
    expect(isValidCusip('037833101')).toBe(false);
    expect(isValidCusip('03783310')).toBe(false);
    expect(isValidIsin('US0378331005')).toBe(true);
    expect(isValidIsin('US0378331006')).toBe(false);
    expect(isValidIsin('US0378331O05')).toBe(false);
    expect(isValidLei('549300QP2IEEGFE16681')).toBe(true);
    expect(isValidLei('5493001KJTIIGC8Y1R12')).toBe(true);
    expect(isValidLei('549300QP2IEEGFE16682')).toBe(false);
  });

  it('reads the CUSIP inside a US ISIN, and none inside another country\'s', () => {
    expect(cusipOfIsin('US0378331005')).toBe('037833100');
    expect(cusipOfIsin('GB0002634946')).toBeNull();
  });

  it('names the field of an organisation identifier whose check digit is wrong', () => {
    const base = { id: 'acme', name: 'Acme', kind: 'company', sources: ['s'] };
    expect(() => parseRecordInput('organization', { ...base, identifiers: { cusip: '037833101' } })).toThrow(/identifiers\.cusip: is not a valid CUSIP/);
    expect(() => parseRecordInput('organization', { ...base, identifiers: { isin: 'US0378331006' } })).toThrow(/identifiers\.isin: is not a valid ISIN/);
    expect(() => parseRecordInput('organization', { ...base, identifiers: { lei: '549300QP2IEEGFE16682' } })).toThrow(/identifiers\.lei: is not a valid LEI/);
    const ok = parseRecordInput('organization', { ...base, identifiers: { cusip: '037833100', isin: 'US0378331005', ticker: 'AAPL', lei: 'HWUPKR0MPOU8FGXBT394' } });
    expect(ok.record.identifiers).toEqual({ cusip: '037833100', isin: 'US0378331005', ticker: 'AAPL', lei: 'HWUPKR0MPOU8FGXBT394' });
  });

  it('takes a stake in per cent or in words on a relationship, and a licence on a source', () => {
    const r = parseRecordInput('relationship', { from: 'fund', type: 'invested-in', to: 'vendor', stakePercent: 34.5, stake: 'a minority stake', sources: ['s'] });
    expect(r.record).toMatchObject({ stakePercent: 34.5, stake: 'a minority stake' });
    expect(() => parseRecordInput('relationship', { from: 'fund', type: 'invested-in', to: 'vendor', stakePercent: 120, sources: ['s'] })).toThrow(/stakePercent/);
    expect(parseRecordInput('source', { id: 's', title: 'Atlas', licence: 'CC BY 4.0' }).record.licence).toBe('CC BY 4.0');
  });
});
