import { describe, expect, it } from 'vitest';
import { importedLine, savedLine } from './summary-lines.js';

describe('summary lines', () => {
  it('say "1 alert", not "1 alerts"', () => {
    expect(savedLine({ raised: 1, queued: 1, unchanged: 0 })).toBe('Saved: 1 alert raised, 1 queued for review, 0 already known.');
    expect(savedLine({ raised: 2, queued: 0, unchanged: 3 })).toBe('Saved: 2 alerts raised, 0 queued for review, 3 already known.');
  });

  it('name record types in words, singular or plural', () => {
    expect(importedLine('more.json', { written: 3, unchanged: 0, byType: { person: 2, policy: 1 } })).toBe('more.json: 3 records written (2 people, 1 policy), 0 unchanged');
    expect(importedLine('one.json', { written: 1, unchanged: 1, byType: { organization: 1 } })).toBe('one.json: 1 record written (1 organization), 1 unchanged');
  });
});
