import { describe, expect, it } from 'vitest';
import { NAME_ALERT_THRESHOLD, NAME_REVIEW_THRESHOLD, scoreNames } from './score-names.js';

describe('scoreNames', () => {
  it('scores names equal after normalisation 1 and says why', () => {
    const result = scoreNames('PARAGON SOLUTIONS (US) INC.', 'Paragon Solutions (US) Incorporated');
    expect(result.score).toBe(1);
    expect(result.reasons[0]).toBe("tokens paragon, solution, us equal after removing legal form 'inc', 'incorporated'");
  });

  it('compares legal forms: same class agrees, different classes cost', () => {
    expect(scoreNames('Gazprom Neft JSC', 'Gazprom Neft OAO').score).toBe(1);
    const differ = scoreNames('Deutsche Bank AG', 'Deutsche Bank GmbH');
    expect(differ.score).toBeLessThan(NAME_ALERT_THRESHOLD);
    expect(differ.features.legalFormsDiffer).toBe(true);
    expect(differ.reasons).toContain('legal forms differ: ag (stock) vs gmbh (limited)');
  });

  it('tolerates typos in long words but not in acronyms', () => {
    const typo = scoreNames('Exxor Mobil Corporation', 'Exxon Mobil Corporation');
    expect(typo.score).toBeGreaterThanOrEqual(NAME_ALERT_THRESHOLD);
    expect(typo.features.typos).toBe(true);
    expect(scoreNames('LXC Aviation', 'LAU Aviation').score).toBeLessThan(NAME_REVIEW_THRESHOLD);
    expect(scoreNames('N.A.B.C. Company', 'A.B.C. Company').score).toBeLessThan(NAME_REVIEW_THRESHOLD);
  });

  it('never takes one place name for a typo of another', () => {
    expect(scoreNames('Bank of Chima Limited', 'Bank of China Limited').score).toBeGreaterThanOrEqual(NAME_ALERT_THRESHOLD);
    expect(scoreNames('State Grid Corporation of Chile', 'State Grid Corporation of China').score).toBeLessThan(NAME_ALERT_THRESHOLD);
  });

  it('matches words written together or apart, and initials', () => {
    expect(scoreNames('Goodwill Company', 'Good Will Company').score).toBe(1);
    expect(scoreNames('SiemensAG', 'Siemens AG').score).toBeGreaterThanOrEqual(NAME_ALERT_THRESHOLD);
    const initials = scoreNames('PLA', 'People’s Liberation Army');
    expect(initials.score).toBe(1);
    expect(initials.features.initials).toBe(true);
  });

  it('ignores word order', () => {
    expect(scoreNames('First Bank Int’l', 'First International Bank').score).toBe(1);
  });

  it('penalises a distinctive word only one side has, more than a business word', () => {
    const country = scoreNames('Banco Santander S.A.', 'Banco Santander México S.A.');
    const business = scoreNames('CRYSTALORD SYSTEMS LIMITED', 'CRYSTALORD LTD');
    expect(country.score).toBeLessThan(NAME_ALERT_THRESHOLD);
    expect(business.score).toBeLessThan(NAME_ALERT_THRESHOLD);
    expect(country.features.partial).toBe(true);
    expect(country.reasons).toContain('only one name has mexico');
  });

  it('barely penalises a parenthesised qualifier only one side has', () => {
    expect(scoreNames('Deutsche Bank (Schweiz) AG', 'Deutsche Bank AG').score).toBeGreaterThanOrEqual(NAME_ALERT_THRESHOLD);
    expect(scoreNames('Bank of China (Hong Kong) Limited', 'Bank of China (Singapore) Limited').score).toBeLessThan(NAME_REVIEW_THRESHOLD);
  });

  it('penalises words that differ on both sides', () => {
    const result = scoreNames('Saudi Arabian Gas Company', 'Saudi Arabian Oil Company');
    expect(result.features.conflicting).toBe(true);
    expect(result.score).toBeLessThan(NAME_ALERT_THRESHOLD);
  });

  it('reads numbers: equal when spelt differently, a number on one side only costs most', () => {
    expect(scoreNames('Brigade Forty-Four', 'Brigade 44').score).toBe(1);
    expect(scoreNames('3 Percenters', 'Three Percenters').score).toBe(1);
    const series = scoreNames('KKR Asian Fund III L.P.', 'KKR Asian Fund IV L.P.');
    expect(series.features.numbersDiffer).toBe(true);
    expect(series.reasons).toContain('numbers differ: 3 vs 4');
    expect(scoreNames('Bowne Global Solutions, Inc.', 'Bowne Global Solutions II, Inc.').score).toBeLessThan(NAME_ALERT_THRESHOLD);
  });

  it('scores alternatives separated by a slash separately', () => {
    expect(scoreNames('Al Qaeda', "Al-Qa'ida/Islamic Army").score).toBeGreaterThanOrEqual(NAME_ALERT_THRESHOLD);
  });

  it('keeps the Paragon look-alike below the alert threshold', () => {
    expect(scoreNames('PARAGON SYSTEMS, INC.', 'Paragon Solutions Ltd.').score).toBeLessThan(NAME_REVIEW_THRESHOLD);
    expect(scoreNames('PARAGON SYSTEMS, INC.', 'Paragon Solutions').score).toBeLessThan(NAME_REVIEW_THRESHOLD);
  });

  it('is symmetric on the benchmark’s kind of pairs', () => {
    for (const [a, b] of [['Deutsche Bank (Schweiz) AG', 'Deutsche Bank AG'], ['Amazonis.com, Inc.', 'Amazon.com, Inc.'], ['OAO Gazprom', 'Open Joint Stock Company Gasprom']] as const) {
      expect(scoreNames(a, b).score).toBeCloseTo(scoreNames(b, a).score, 3);
    }
  });
});
