import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { bundledOversightPath, loadBundledOversight } from '../../app/load-bundled-oversight.js';
import { loadBundledDataset } from '../../../test/support/bundled-dataset.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { eoSteps, useOpensOn } from '../reviews/acquisition-review.js';
import { parseOversightDataset } from './import-oversight-dataset.js';

describeEachBackend('the bundled ICE–Paragon review, as the public record documents it', (getStore) => {
  it('is opened with the stop-work order of 8 October 2024, lifted in September 2025, and marks every other step not on the public record', async () => {
    const store = getStore();
    await loadBundledDataset(store);
    const first = await loadBundledOversight(store, () => new Date('2026-12-05T00:00:00Z'));
    expect(first.loaded).toEqual(['ice-paragon-graphite-2024']);
    expect((await loadBundledOversight(store)).loaded).toEqual([]);
    const review = await store.transaction((tx) => tx.oversight.review('ice-paragon-graphite-2024'));
    expect(review).toMatchObject({ agency: 'ice', product: 'graphite', vendor: 'paragon-solutions-us', contract: '70CTD024P00000012', openedOn: '2024-10-08', status: 'open', determination: null });
    expect(review?.stopWork).toEqual([expect.objectContaining({ orderedOn: '2024-10-08', liftedOn: '2025-09' })]);
    expect(review?.factors.find((f) => f.kind === 'improper-use')?.evidence).toContain('incident:graphite-italy-2025');
    expect(useOpensOn(review!)).toBeNull();
    const steps = eoSteps(review!, '2026-12-05');
    expect(steps.find((s) => s.key === 'opened')?.state).toBe('done');
    for (const key of ['determination', 'notice', 'due-diligence', 'dni-assessment-reviewed']) expect(steps.find((s) => s.key === key)?.state).toBe('not-on-public-record');
  });

  it('cites only sources and records the registry holds', async () => {
    const dataset = parseOversightDataset(readFileSync(bundledOversightPath(), 'utf8'));
    const registry = JSON.parse(readFileSync(bundledOversightPath().replace('oversight.json', 'registry.json'), 'utf8')) as { sources: { id: string }[]; contracts: { piid: string }[] };
    const sources = new Set(registry.sources.map((s) => s.id));
    const cited = dataset.reviews.flatMap((r) => [...((r.open['sources'] as string[] | undefined) ?? []), ...r.steps.flatMap((s) => ((s.input['evidence'] as string[] | undefined) ?? []).filter((e) => e.startsWith('source:')).map((e) => e.slice(7)))]);
    expect(cited.length).toBeGreaterThan(0);
    for (const id of cited) expect(sources.has(id), id).toBe(true);
    expect(registry.contracts.map((c) => c.piid)).toContain('70CTD024P00000012');
  });
});
