import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { projectRoot } from '../../core/project-root.js';
import { CommandError } from '../../core/command-error.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { actorWithRole, contextFor, SYSTEM_CONTEXT } from '../../../test/support/contexts.js';
import { parseDataset } from '../dataset/parse-dataset.js';
import { importDataset } from './import-dataset.js';

const bundled = readFileSync(join(projectRoot(), 'dataset', 'registry.json'), 'utf8');

async function counts(store: import('../../store/store.js').Store) {
  const count = async (table: 'organizations' | 'designations' | 'logEntries' | 'contractTransactions' | 'changes') =>
    Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { organizations: await count('organizations'), designations: await count('designations'), transactions: await count('contractTransactions'), log: await count('logEntries'), changes: await count('changes') };
}

describeEachBackend('importDataset', (getStore) => {
  it('loads the bundled dataset with every fact and its sources', async () => {
    const store = getStore();
    const parsed = parseDataset(bundled);
    const summary = await store.transaction((tx) => importDataset({ ctx: SYSTEM_CONTEXT, dataset: parsed }, tx));
    expect(summary.unchanged).toBe(0);
    // Every record of the file is written, whatever the dataset holds today (no counts pinned here).
    for (const type of ['organization', 'designation', 'transaction', 'source'] as const) {
      expect(summary.byType[type], type).toBe(parsed.records.filter((r) => r.type === type).length);
    }
    const intellexa = await store.transaction((tx) => tx.registry.getRecord('organization', 'intellexa-sa'));
    expect(intellexa?.name).toBe('Intellexa S.A.');
    expect(intellexa?.sources).toEqual(['fr-2023-15343', 'treasury-2024-03-05']);
    const paragonUs = await store.transaction((tx) => tx.registry.getRecord('organization', 'paragon-solutions-us'));
    expect(paragonUs?.identifiers).toEqual({ uei: 'NW6QFTZACWM7' });
    const c = await counts(store);
    expect(c.log).toBe(summary.written);
    expect(c.changes).toBe(summary.written);
  });

  it('changes nothing when the same file is imported again', async () => {
    const store = getStore();
    const before = await counts(store);
    const summary = await store.transaction((tx) => importDataset({ ctx: SYSTEM_CONTEXT, dataset: parseDataset(bundled) }, tx));
    expect(summary.written).toBe(0);
    expect(await counts(store)).toEqual(before);
  });

  it('rejects a dataset with a dangling reference whole, writing nothing', async () => {
    const store = getStore();
    const before = await counts(store);
    const data = JSON.parse(bundled);
    data.organizations.push({ id: 'new-vendor', name: 'New Vendor Ltd.', kind: 'vendor', sources: ['letter-2024-10-31'] });
    const dangling = data.designations.push({ subject: 'no-such-org', authority: 'US-BIS', list: 'Entity List', listed: '2025-01-01', sources: ['commerce-2021-11-03'] }) - 1;
    const error = await store.transaction((tx) => importDataset({ ctx: SYSTEM_CONTEXT, dataset: parseDataset(JSON.stringify(data)) }, tx)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandError);
    expect((error as CommandError).issues).toEqual([{ path: `designations[${dangling}].subject`, message: 'unknown organization or person "no-such-org"' }]);
    expect(await counts(store)).toEqual(before);
  });

  it('refuses an import by anyone but an admin', async () => {
    const store = getStore();
    const ctx = contextFor(actorWithRole('editor'));
    await expect(store.transaction((tx) => importDataset({ ctx, dataset: parseDataset(bundled) }, tx))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

it('names the record and field of an invalid record', () => {
  const data = JSON.parse(bundled);
  data.organizations[3].country = 'Israel';
  delete data.people[1].sources;
  let error: unknown;
  try {
    parseDataset(JSON.stringify(data), 'registry.json');
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(CommandError);
  const issues = (error as CommandError).issues;
  expect(issues.map((i) => i.path)).toEqual(['organizations[3].country', 'people[1].sources']);
  expect(issues[0]?.message).toContain('nso-group');
  expect((error as CommandError).message).toMatch(/^registry\.json rejected, nothing was written: organizations\[3\]\.country/);
});

it('reports where a file is not JSON', () => {
  expect(() => parseDataset('{"sources": [', 'broken.json')).toThrow(/broken\.json is not valid JSON/);
});

it('refuses a NUL or an unpaired surrogate in a record, naming record and field, whatever the backend', () => {
  for (const bad of ['Candiru\u0000', 'Candiru\ud800']) {
    const data = { sources: [{ id: 'src-1', title: 'A report', url: 'https://example.org/report', publisher: 'Example' }], organizations: [{ id: 'acme', name: bad, kind: 'vendor', sources: ['src-1'] }] };
    const attempt = () => parseDataset(JSON.stringify(data), 'tainted.json');
    expect(attempt).toThrow(CommandError);
    expect(attempt).toThrow(/^tainted\.json rejected, nothing was written: organizations\[0\]\.name: contains (a NUL|an unpaired)/);
  }
});
