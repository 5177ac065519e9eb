import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../core/project-root.js';
import { classifyEvent } from './classify-event.js';
import { REASON_FOR_MODIFICATION } from './reason-for-modification.js';

const base = { modification: 'P00003', actionTypeCode: 'M', description: '', correctionDeleteInd: '' };

describe('classifyEvent', () => {
  it('keeps the code table equal to dataset/fpds/reason-for-modification.csv', () => {
    const csv = readFileSync(join(projectRoot(), 'dataset', 'fpds', 'reason-for-modification.csv'), 'utf8');
    const rows = csv.trim().split('\n').slice(1).map((line) => {
      const comma = line.indexOf(',');
      return [line.slice(0, comma), line.slice(comma + 1)] as const;
    });
    expect(Object.fromEntries(rows)).toEqual(REASON_FOR_MODIFICATION);
  });

  it('reads a base award from modification 0', () => {
    expect(classifyEvent({ ...base, modification: '0', actionTypeCode: '' }).event).toBe('award');
    expect(classifyEvent({ ...base, modification: '', actionTypeCode: '' }).event).toBe('award');
  });

  it.each([
    'STOP WORK ORDER TO REVIEW AND VERIFY COMPLIANCE WITH EXECUTIVE ORDER 14093',
    'ISSUE STOP-WORK ORDER PER FAR 52.242-15',
    'SWO ISSUED 10/08/2024',
    'Stopwork order issued',
    'SUSPENSION OF WORK UNTIL FURTHER NOTICE',
  ])('reads a stop-work order from %j although FPDS has no code for it', (description) => {
    const result = classifyEvent({ ...base, description });
    expect(result.event).toBe('stop-work');
    expect(result.reason).toContain('FPDS has no code');
  });

  it.each([
    'LIFT THE STOP WORK ORDER',
    'STOP-WORK ORDER RESCINDED',
    'RESCIND SWO AND RESUME PERFORMANCE',
    'THE STOP WORK ORDER DATED 10/08/2024 IS HEREBY LIFTED',
    'CANCEL THE STOP WORK ORDER',
    'NOTICE TO RESUME WORK',
  ])('reads the lift of a stop-work order from %j', (description) => {
    expect(classifyEvent({ ...base, description }).event).toBe('stop-work-lifted');
  });

  it('explains the choice with the words it read', () => {
    expect(classifyEvent({ ...base, description: 'LIFT THE STOP WORK ORDER' }).reason).toBe(
      'description "LIFT THE STOP WORK ORDER" lifts a stop-work order ("LIFT" with "STOP WORK"); FPDS has no code for it',
    );
  });

  it.each(['E', 'F', 'N', 'X'])('reads termination from code %s', (actionTypeCode) => {
    const result = classifyEvent({ ...base, actionTypeCode });
    expect(result.event).toBe('termination');
    expect(result.reason).toMatch(/^action type [EFNX] \(/);
  });

  it('reads termination from the description when the code is generic', () => {
    expect(classifyEvent({ ...base, description: 'PARTIAL TERMINATION FOR CONVENIENCE' }).event).toBe('termination');
  });

  it('reads funding from code C and from funding words', () => {
    expect(classifyEvent({ ...base, actionTypeCode: 'C' })).toEqual({ event: 'funding', reason: 'action type C (Funding Only Action)' });
    expect(classifyEvent({ ...base, actionTypeCode: 'B', description: 'ADD INCREMENTAL FUNDING' }).event).toBe('funding');
    expect(classifyEvent({ ...base, actionTypeCode: 'M', description: 'DEOBLIGATE REMAINING FUNDS' }).event).toBe('funding');
  });

  it('falls back to a modification named by its code', () => {
    expect(classifyEvent({ ...base, actionTypeCode: 'G', description: 'EXERCISE OPTION YEAR 1' })).toEqual({
      event: 'modification',
      reason: 'modification P00003, action type G (Exercise an Option)',
    });
  });

  it('reads a delta file delete row as a deletion before anything else', () => {
    expect(classifyEvent({ ...base, correctionDeleteInd: 'D', description: 'STOP WORK' }).event).toBe('deletion');
  });

  it('does not read "stop" words inside other words', () => {
    expect(classifyEvent({ ...base, description: 'NONSTOP WORKSTATION SUPPORT' }).event).toBe('modification');
  });
});
