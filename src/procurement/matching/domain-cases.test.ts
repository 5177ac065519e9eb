import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../core/project-root.js';
import { parseDomainCaseSet } from './domain-case-set.js';
import { createRecipientMatcher } from './recipient-matcher.js';

const set = parseDomainCaseSet(
  JSON.parse(readFileSync(join(projectRoot(), 'test', 'fixtures', 'name-matching', 'countersign-domain-cases.json'), 'utf8')),
);
const matcher = createRecipientMatcher(set.watchlist);

describe('domain test set: registry vendors and their aliases against look-alike contractors', () => {
  it('has alerts, reviews and look-alikes', () => {
    for (const expected of ['alert', 'review', 'none'] as const) expect(set.cases.filter((c) => c.expected === expected).length).toBeGreaterThan(10);
  });

  for (const testCase of set.cases) {
    it(`${testCase.id}: ${testCase.expected} (${testCase.why})`, () => {
      const match = matcher.match(testCase.recipient);
      expect(match?.decision ?? 'none').toBe(testCase.expected);
      if (match !== null && testCase.organizationId !== undefined) expect(match.organizationId).toBe(testCase.organizationId);
    });
  }
});
