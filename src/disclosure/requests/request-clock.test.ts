import { describe, expect, it } from 'vitest';
import { JURISDICTIONS } from './jurisdictions.js';
import { dueAfter, dueOfClock, pauseClock } from './request-clock.js';

const federal = JURISDICTIONS['us-federal'];
const california = JURISDICTIONS['us-ca'];
const newYork = JURISDICTIONS['us-ny'];

describe('statutory clocks per jurisdiction', () => {
  it('gives a federal agency 20 business days, day 1 the first business day after receipt', () => {
    expect(dueAfter(federal, federal.response, '2026-05-15', 20).dueDate).toBe('2026-06-15');
    expect(dueAfter(federal, federal.response, '2026-05-29', 20).dueDate).toBe('2026-06-29');
    // Received on a Saturday: day 1 is Monday.
    expect(dueAfter(federal, federal.response, '2026-05-16', 1).dueDate).toBe('2026-05-18');
  });

  it('adds the 10 business days of unusual circumstances to a running federal clock', () => {
    expect(dueOfClock(federal, { daysAllowed: 30, daysUsed: 0, clockRunningSince: '2026-05-15' }).dueDate).toBe('2026-06-30');
  });

  it('banks the days used when the clock is tolled and counts the rest from resumption', () => {
    const paused = pauseClock(federal, { daysAllowed: 20, daysUsed: 0, clockRunningSince: '2026-05-15' }, '2026-05-22');
    expect(paused).toEqual({ daysAllowed: 20, daysUsed: 5, clockRunningSince: null });
    // 15 left from 1 June: Juneteenth skipped.
    expect(dueOfClock(federal, { ...paused, clockRunningSince: '2026-06-01' }).dueDate).toBe('2026-06-23');
  });

  it('gives a California agency 10 calendar days and a 14-day extension (Cal. Gov. Code 7922.535)', () => {
    expect(california.response.citation).toBe('Cal. Gov. Code 7922.535(a)');
    // Day 10 is Memorial Day: the period runs to the next business day (Cal. Code Civ. Proc. 12a).
    expect(dueAfter(california, california.response, '2026-05-15', 10).dueDate).toBe('2026-05-26');
    expect(dueAfter(california, california.response, '2026-05-01', 10).dueDate).toBe('2026-05-11');
    expect(dueOfClock(california, { daysAllowed: 24, daysUsed: 0, clockRunningSince: '2026-05-15' }).dueDate).toBe('2026-06-08');
    expect(california.appeal).toBeNull();
  });

  it('gives a New York agency 5 business days to acknowledge, and the requester 30 days to appeal (POL 89)', () => {
    expect(dueAfter(newYork, newYork.response, '2026-05-21', 5).dueDate).toBe('2026-05-29');
    expect(newYork.appeal).toEqual({ days: 30, unit: 'calendar', citation: 'N.Y. Public Officers Law 89(4)(a)' });
  });

  it('gives a federal requester 90 days to appeal an adverse determination', () => {
    expect(federal.appeal?.days).toBe(90);
    expect(dueAfter(federal, { unit: 'calendar' }, '2026-06-16', 90).dueDate).toBe('2026-09-14');
  });
});
