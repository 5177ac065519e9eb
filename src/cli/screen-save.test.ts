import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openRegistry } from '../app/open-registry.js';
import { projectRoot } from '../core/project-root.js';
import { readContracts } from '../store/registry/queries/read-contracts.js';

const root = projectRoot();
const cli = join(root, 'dist', 'src', 'cli', 'main.js');

/**
 * Issue #13, from outside: `countersign screen --save` on the illustrative sample file must not
 * rewrite the documented lift date of the ICE contract, nor show what it adds as documented.
 */
describe('countersign screen --save (the real CLI, in its own process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'countersign-save-'));
  const env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'registry.db')}` };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('cites the screened file by name, SHA-256 and row, beside the documented lift date', async () => {
    const run = (args: string[]) => promisify(execFile)(process.execPath, [cli, ...args], { env, cwd: dir });
    await run(['registry', 'import', join(root, 'dataset', 'registry.json')]);
    const sample = join(dir, 'illustrative-sample.csv');
    copyFileSync(join(root, 'test', 'fixtures', 'usaspending', 'sample-contract-transactions.csv'), sample);
    const sha256 = createHash('sha256').update(readFileSync(sample)).digest('hex');
    const { stderr } = await run(['screen', '--save', sample]);
    expect(stderr).toContain('Saved: 3 alerts raised, 0 queued for review, 0 already known.');
    const { store } = await openRegistry(env.DATABASE_URL);
    try {
      const [view] = await readContracts(store.db, ['70CTD024P00000012']);
      const lift = view?.transactions.find((t) => t.event === 'stop-work-lifted');
      expect(lift).toMatchObject({ date: '2025-09', status: 'documented', sources: ['msnbc-2025-09'] });
      expect(lift?.screened).toEqual([expect.objectContaining({ file: 'illustrative-sample.csv', sha256, row: 4, values: expect.objectContaining({ date: '2025-08-29' }) })]);
      expect(view?.transactions.every((t) => t.status !== 'documented' || !t.sources.some((s) => s.startsWith('screened-file-')))).toBe(true);
    } finally {
      await store.close();
    }
  });
});
