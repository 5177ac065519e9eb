import { describe, expect, it } from 'vitest';
import { countNoun } from './count-noun.js';

describe('countNoun', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(countNoun(1, 'alert')).toBe('1 alert');
    expect(countNoun(0, 'alert')).toBe('0 alerts');
    expect(countNoun(2, 'tile')).toBe('2 tiles');
    expect(countNoun(1n, 'entry', 'entries')).toBe('1 entry');
    expect(countNoun(3n, 'entry', 'entries')).toBe('3 entries');
  });

  it('separates thousands', () => {
    expect(countNoun(1200, 'record')).toBe('1,200 records');
  });
});
