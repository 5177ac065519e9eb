import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../core/project-root.js';
import { isHeldOutPair, parseCsv, precisionRecall, readNameBenchPairs, splitNameBenchPairs } from './name-bench.js';
import { NAME_ALERT_THRESHOLD, scoreNames } from './score-names.js';

const csv = readFileSync(join(projectRoot(), 'test', 'fixtures', 'name-matching', 'nomenklatura-logic-v2-scores.csv'), 'utf8');
const pairs = readNameBenchPairs(csv);

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and newlines', () => {
    expect(parseCsv('a,"b, c","say ""hi""","line\nbreak"\r\n1,2,3,4\n')).toEqual([
      ['a', 'b, c', 'say "hi"', 'line\nbreak'],
      ['1', '2', '3', '4'],
    ]);
  });
});

describe('name benchmark (OpenSanctions organisation pairs)', () => {
  it('has the 259 organisation pairs of the anchor', () => {
    expect(pairs).toHaveLength(259);
  });

  it('reproduces the logic-v2 anchor from its scores: P 0.931 / R 0.784 at 0.8', () => {
    const anchor = precisionRecall(pairs.map((pair) => ({ score: pair.logicV2Score, isMatch: pair.isMatch })), 0.8);
    expect(anchor.precision).toBeCloseTo(0.931, 3);
    expect(anchor.recall).toBeCloseTo(0.784, 3);
  });

  it('meets the target P ≥ 0.95 and R ≥ 0.90 at the exported alert threshold', () => {
    const result = precisionRecall(pairs.map((pair) => ({ score: scoreNames(pair.name1, pair.name2).score, isMatch: pair.isMatch })), NAME_ALERT_THRESHOLD);
    expect(result.precision).toBeGreaterThanOrEqual(0.95);
    expect(result.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps the held-out split fixed: 85 pairs (57 matches) chosen by their own text', () => {
    const { tuning, heldOut } = splitNameBenchPairs(pairs);
    expect(heldOut).toHaveLength(85);
    expect(tuning).toHaveLength(174);
    expect(heldOut.filter((pair) => pair.isMatch)).toHaveLength(57);
    // Membership depends on the pair alone, not on its position in the file.
    expect(splitNameBenchPairs([...pairs].reverse()).heldOut.map((pair) => pair.name1).sort()).toEqual(heldOut.map((pair) => pair.name1).sort());
    expect(isHeldOutPair({ caseGroup: 'x', name1: 'a', name2: 'b' })).toBe(isHeldOutPair({ caseGroup: 'x', name1: 'a', name2: 'b' }));
  });
});
