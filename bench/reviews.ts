import { concurrently, percentile } from './concurrent-jobs.js';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SYSTEM } from '../src/accounts/actor.js';
import type { Actor } from '../src/accounts/actor.js';
import { openStore } from '../src/app/open-store.js';
import { projectRoot } from '../src/core/project-root.js';
import { openReview, runReviewStep } from '../src/oversight/reviews/review-commands.js';
import { importDataset } from '../src/registry/commands/import-dataset.js';
import { parseDataset } from '../src/registry/dataset/parse-dataset.js';
import { readOversightReport } from '../src/store/oversight/read-oversight-report.js';

/**
 * bench:reviews — acquisition reviews on the workflow kernel (issue #8): opening N reviews (each
 * pre-filling its risk factors from the registry: the vendor's corporate family, its incidents,
 * designations and customers) and determining each, as durable transactions on SQLite with
 * concurrent callers; then the annual report over all of them.
 */
const { values } = parseArgs({ options: { reviews: { type: 'string', default: '10000' }, callers: { type: 'string', default: '64' } } });
const N = Number(values.reviews);
const CALLERS = Number(values.callers);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const p = percentile;

const dir = join(projectRoot(), '.bench', 'reviews');
mkdirSync(dir, { recursive: true });
const file = join(dir, 'reviews.db');
for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
const store = await openStore(`sqlite:${file}`);
const s = 'bench-source';
const vendors = Array.from({ length: 20 }, (_, i) => `bench-vendor-${i}`);
await store.transaction((tx) => importDataset({
  ctx: { actor: SYSTEM, now: new Date() },
  dataset: parseDataset(JSON.stringify({
    format: 'countersign-dataset/1',
    sources: [{ id: s, title: 'Bench source', publisher: 'Bench' }],
    organizations: [{ id: 'bench-agency', name: 'Bench Agency', kind: 'government-agency', sources: [s] }, { id: 'bench-parent', name: 'Bench Parent', kind: 'vendor', sources: [s] }, ...vendors.map((id) => ({ id, name: id, kind: 'vendor', sources: [s] }))],
    relationships: vendors.map((id) => ({ from: id, type: 'subsidiary-of', to: 'bench-parent', sources: [s] })),
    products: vendors.map((id) => ({ id: `${id}-tool`, name: `${id} tool`, vendor: id, sources: [s] })),
    incidents: vendors.flatMap((id) => Array.from({ length: 5 }, (_, k) => ({ id: `${id}-incident-${k}`, title: `Incident ${k} of ${id}`, countries: ['IT'], product: `${id}-tool`, sources: [s] }))),
  }), 'bench'),
}, tx));
const officer: Actor = { kind: 'user', userId: 'bench-officer', actorId: 'a_officer', role: 'contributor', grants: [{ role: 'officer', scope: { kind: 'agency', id: 'bench-agency' } }] };
const certifier: Actor = { kind: 'user', userId: 'bench-certifier', actorId: 'a_certifier', role: 'contributor', grants: [{ role: 'certifying-official', scope: { kind: 'agency', id: 'bench-agency' } }] };
const ids: string[] = [];
const opened = await concurrently(N, CALLERS, async (i) => {
  const vendor = vendors[i % vendors.length] ?? '';
  ids.push((await store.transaction((tx) => openReview({ ctx: { actor: officer, now: new Date() }, input: { agency: 'bench-agency', product: `${vendor}-tool`, vendor, purpose: `Bench review ${i}`, requestedStart: '2026' } }, tx))).id);
});
const determined = await concurrently(ids.length, CALLERS, async (i) => {
  await store.transaction((tx) => runReviewStep({ ctx: { actor: certifier, now: new Date() }, id: ids[i] ?? '', action: 'determine', input: i % 3 === 0 ? { decision: 'deny' } : { decision: 'approve', justification: 'Bench justification.' } }, tx));
});
const t = performance.now();
const report = await readOversightReport(store.db, { year: new Date().getUTCFullYear(), agency: 'bench-agency' }, new Date());
const reportSeconds = (performance.now() - t) / 1000;
console.log(`bench:reviews — ${fmt(N)} reviews, ${CALLERS} concurrent callers, SQLite (every commit fsync'd)`);
console.log(`open (risk factors pre-filled from a family of ${vendors.length + 1} organisations, 5 incidents each): ${fmt(N / opened.seconds)} reviews/s, p50 ${fmt(p(opened.latencies, 50), 1)} ms, p99 ${fmt(p(opened.latencies, 99), 1)} ms, ${fmt(opened.seconds, 1)} s`);
console.log(`determine: ${fmt(N / determined.seconds)} determinations/s, p50 ${fmt(p(determined.latencies, 50), 1)} ms, p99 ${fmt(p(determined.latencies, 99), 1)} ms, ${fmt(determined.seconds, 1)} s`);
console.log(`annual report over ${fmt(N)} reviews: ${fmt(reportSeconds, 2)} s (${fmt(report.summary['approvalsInForce'] ?? 0)} approvals in force, ${fmt(report.summary['denied'] ?? 0)} denied)`);
await store.close();
