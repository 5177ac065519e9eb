import { describe, expect, it } from 'vitest';
import { FUZZ_TARGETS } from './fuzz-targets.js';

// Bounded for CI: at most 300 inputs or 1.5 s per parser. `npm run fuzz` runs them for minutes.
describe('property-based fuzzing of every parser of untrusted input', () => {
  for (const target of FUZZ_TARGETS) {
    it(`${target.name}: never crashes`, async () => {
      const run = await target.run({ numRuns: 300, timeLimitMs: 1500 });
      expect(run.crash).toBeUndefined();
      expect(run.executions).toBeGreaterThan(10);
    });
  }
});
