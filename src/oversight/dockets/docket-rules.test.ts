import { describe, expect, it } from 'vitest';
import { addMonths, noticeDates } from './docket-dates.js';
import type { DocketVote } from './docket.js';
import { JURISDICTION_PRESETS, jurisdictionPreset, type JurisdictionPreset } from './jurisdiction-presets.js';
import { tallyVotes } from './tally-votes.js';
import { parseIsoDate } from '../../kernel/calendar/iso-date.js';

function preset(id: string): JurisdictionPreset {
  const found = jurisdictionPreset(id);
  if (!found) throw new Error(`no preset ${id}`);
  return found;
}

const votes = (yes: number, no: number, abstain = 0): DocketVote[] =>
  [...Array<'yes'>(yes).fill('yes'), ...Array<'no'>(no).fill('no'), ...Array<'abstain'>(abstain).fill('abstain')].map((vote, i) => ({ docketId: 'd', member: `m${i}`, vote, note: null, castAt: '2026-01-01T00:00:00Z' }));

describe('jurisdiction presets', () => {
  it('cite a source for every rule and mark the numbers an ordinance does not state as configured', () => {
    for (const p of JURISDICTION_PRESETS) {
      for (const rule of [p.board.members, p.noticeLeadDays, p.commentPeriodDays, p.postBeforeUseDays, p.quorum, p.majority, p.reportIntervalMonths]) {
        expect(rule.citation.length).toBeGreaterThan(3);
        if (rule.basis === 'configured') expect(rule.note).toBeTruthy();
      }
    }
    // The POST Act's own numbers (Admin. Code § 14-188): 45 days of comment, posted 90 days before use.
    expect(preset('nyc').commentPeriodDays).toMatchObject({ value: 45, basis: 'ordinance' });
    expect(preset('nyc').postBeforeUseDays).toMatchObject({ value: 90, basis: 'ordinance' });
    expect(preset('oakland').reportSections.map((s) => s.key)).toEqual(['useAndDataVolumes', 'externalSharing', 'whereDeployed', 'complaints', 'auditsAndViolations', 'dataBreaches', 'effectiveness', 'costs']);
  });

  it('date an NYC notice: 45 days of comment, no use for 90 days, in New York time', () => {
    const notice = noticeDates(preset('nyc'), '2026-01-02T03:00:00Z'); // 1 January, 22:00 in New York
    expect(notice).toMatchObject({ commentsCloseOn: '2026-02-15', earliestUseOn: '2026-04-01', hearingFromOn: '2026-01-01' });
    // The end of 15 February in New York: midnight EST, 05:00 UTC.
    expect(notice.commentsCloseAt).toBe('2026-02-16T05:00:00.000Z');
  });

  it('adds months to a report due date, keeping to the month\'s last day', () => {
    expect(addMonths(parseIsoDate('2026-06-30'), 12)).toBe('2027-06-30');
    expect(addMonths(parseIsoDate('2028-02-29'), 12)).toBe('2029-02-28');
    expect(addMonths(parseIsoDate('2026-11-30'), 3)).toBe('2027-02-28');
  });
});

describe('tallyVotes', () => {
  it('needs a quorum before anything carries', () => {
    expect(tallyVotes(preset('seattle'), votes(4, 0))).toMatchObject({ quorate: false, carried: false });
  });

  it('counts a majority of all members in Seattle: 5 of 9, abstentions do not help', () => {
    expect(tallyVotes(preset('seattle'), votes(5, 4))).toMatchObject({ quorate: true, carried: true });
    expect(tallyVotes(preset('seattle'), votes(4, 1, 4))).toMatchObject({ quorate: true, carried: false });
  });

  it('counts a majority of votes cast in NYC once the quorum of 26 is present', () => {
    expect(tallyVotes(preset('nyc'), votes(10, 9, 7))).toMatchObject({ quorate: true, carried: true });
    expect(tallyVotes(preset('nyc'), votes(10, 10, 6))).toMatchObject({ quorate: true, carried: false });
  });
});
