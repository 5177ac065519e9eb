import { describe, expect, it } from 'vitest';
import { parseOffenceCategories, US_2516_OFFENCE_CATEGORIES } from '../authorizations/offence-categories.js';
import { targetPseudonym } from '../authorizations/target-pseudonym.js';
import { beyondScope, dataCategoryMask } from '../authorizations/data-categories.js';
import { FindingsDigest, type AuthorizationSummary } from './audit.js';
import { daysInclusive, wiretapStatistics } from './wiretap-statistics.js';

const summary = (s: Partial<AuthorizationSummary>): AuthorizationSummary => ({
  jurisdiction: 'federal', offenceCategory: 'drug-offences', validFrom: '2026-01-01', originalValidTo: '2026-01-30', validTo: '2026-01-30', extensions: 0,
  noticeDueOn: '2026-04-30', noticeGivenAt: null, noticeExtensions: 0, ...s,
});
const period = { agency: 'ice', periodStart: '2026-01-01', periodEnd: '2026-12-31', asOf: '2026-06-01T00:00:00Z' };

describe('statistics in the shape of the Wiretap Report', () => {
  it('counts authorisations by jurisdiction and offence with original length, extensions and notices', () => {
    const stats = wiretapStatistics(period, [
      summary({}),
      summary({ jurisdiction: 'NY', offenceCategory: 'racketeering', validTo: '2026-03-01', extensions: 1, noticeGivenAt: '2026-05-02', noticeDueOn: '2026-05-01' }),
      summary({ jurisdiction: 'NY', noticeDueOn: '2026-07-01' }),
    ], { total: 10, flaggedWhenRecorded: 2 }, { 'deletion-overdue': 1 });
    expect(stats.byJurisdiction).toEqual([
      { key: 'NY', authorizations: 2, extensions: 1, averageOriginalDays: 30, averageExtensionDays: 30, totalDaysAuthorized: 90 },
      { key: 'federal', authorizations: 1, extensions: 0, averageOriginalDays: 30, averageExtensionDays: 0, totalDaysAuthorized: 30 },
    ]);
    expect(stats.byOffence.map((r) => [r.key, r.authorizations])).toEqual([['drug-offences', 2], ['racketeering', 1]]);
    expect(stats.durations.find((d) => d.band === '11–30 days')?.authorizations).toBe(3);
    expect(stats.notices).toEqual({ given: 1, givenLate: 1, overdue: 1, pending: 1 });
    expect(stats.findings.find((f) => f.kind === 'deletion-overdue')?.count).toBe(1);
    expect(daysInclusive('2026-01-01', '2026-01-01')).toBe(1);
  });

  it('digests findings independently of the order they arrive in', () => {
    const a = new FindingsDigest();
    const b = new FindingsDigest();
    const one = { kind: 'deletion-overdue' as const, subject: 'authorization:1', detail: 'x' };
    const two = { kind: 'notice-overdue' as const, subject: 'authorization:2', detail: 'y' };
    a.add(one); a.add(two); b.add(two); b.add(one);
    expect(a.digest()).toBe(b.digest());
    expect(a.byKind).toEqual({ 'deletion-overdue': 1, 'notice-overdue': 1 });
  });
});

describe('offence categories, scopes and pseudonyms', () => {
  it('the US preset cites 18 U.S.C. § 2516(1) for every category; a configured list is checked', () => {
    expect(US_2516_OFFENCE_CATEGORIES.every((c) => c.statute.startsWith('18 U.S.C. § 2516(1)('))).toBe(true);
    expect(US_2516_OFFENCE_CATEGORIES.map((c) => c.id)).toEqual(expect.arrayContaining(['murder', 'kidnapping', 'robbery', 'extortion', 'bribery', 'drug-offences', 'child-exploitation', 'terrorism', 'espionage']));
    expect(() => parseOffenceCategories([{ id: 'a', label: 'A', statute: 's' }, { id: 'a', label: 'B', statute: 's' }])).toThrow('listed twice');
    expect(() => parseOffenceCategories([])).toThrow();
  });

  it('a use beyond scope has a bit the scope lacks', () => {
    const scope = dataCategoryMask(['messages', 'location']);
    expect((dataCategoryMask(['messages']) | scope) === scope).toBe(true);
    expect((dataCategoryMask(['camera']) | scope) === scope).toBe(false);
    expect(beyondScope(['camera', 'messages'], ['messages'])).toEqual(['camera']);
  });

  it('pseudonyms are keyed: same target and key agree, another key differs', () => {
    const k1 = 'a'.repeat(64);
    const k2 = 'b'.repeat(64);
    expect(targetPseudonym(k1, '+1 555 0100')).toBe(targetPseudonym(k1, ' +1  555 0100 '));
    expect(targetPseudonym(k1, '+1 555 0100')).not.toBe(targetPseudonym(k2, '+1 555 0100'));
    expect(() => targetPseudonym('short', 'x')).toThrow();
  });
});
