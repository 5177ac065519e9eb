import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI } from './cli-process.js';

// The package's `bin` points at dist/src/cli/main.js; `npx countersign …` execs it directly, so
// every build must leave it executable (tsc writes files 0644, which made it "Permission denied").
describe('the built command line', () => {
  it('is executable and runs through its #! line', () => {
    expect(statSync(CLI).mode & 0o111).not.toBe(0);
    const result = spawnSync(CLI, ['--version'], { encoding: 'utf8', timeout: 30_000 });
    expect(result.error).toBeUndefined();
    expect(result.stdout.trim()).toBe('0.1.0');
  });
});
