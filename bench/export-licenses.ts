import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Actor } from '../src/accounts/actor.js';
import { SYSTEM } from '../src/accounts/actor.js';
import { openStore } from '../src/app/open-store.js';
import { WORKFLOWS } from '../src/app/workflows.js';
import { projectRoot } from '../src/core/project-root.js';
import { runTick } from '../src/kernel/deadlines/run-tick.js';
import { transition } from '../src/kernel/workflow/transition.js';
import { applyForExportLicense } from '../src/oversight/export-licenses/apply-for-export-license.js';
import { exportLicenseWorkflow } from '../src/oversight/export-licenses/export-license-workflow.js';
import { importDataset } from '../src/registry/commands/import-dataset.js';
import { parseDataset } from '../src/registry/dataset/parse-dataset.js';

/**
 * bench:export-licenses — export-licence review on SQLite: applications screened against the
 * registry (each one a corporate-family walk and a designations query per party), an incident
 * that sends many licences to revocation review in one transaction, one that concerns none, and
 * the tick flagging overdue provisos.
 *
 * node dist/bench/export-licenses.js [--licences 2000] [--end-users 200]
 */
const { values } = parseArgs({ options: { licences: { type: 'string', default: '2000' }, 'end-users': { type: 'string', default: '200' } } });
const LICENCES = Number(values.licences);
const END_USERS = Number(values['end-users']);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const admin: Actor = { kind: 'user', userId: 'bench', actorId: 'a_bench', role: 'admin', grants: [] };
const ctx = (now = new Date('2026-11-23T10:00:00Z')) => ({ actor: admin, now });

const dir = join(projectRoot(), '.bench', 'export-licenses');
mkdirSync(dir, { recursive: true });
const file = join(dir, 'licences.db');
for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
const store = await openStore(`sqlite:${file}`);
const load = (dataset: Record<string, unknown[]>) => store.transaction((tx) => importDataset({ ctx: { actor: SYSTEM, now: new Date() }, dataset: parseDataset(JSON.stringify({ format: 'countersign-dataset/1', ...dataset }), 'bench') }, tx));
const source = { id: 'bench-source', title: 'Bench source', publisher: 'Bench', date: '2026-01-01' };
const orgs = Array.from({ length: END_USERS }, (_, i) => ({ id: `end-user-${i}`, name: `End User ${i}`, kind: 'government-agency', sources: [source.id] }));
// Each end user sits in a small family (a parent and a sibling), so screening walks something.
const parents = Array.from({ length: END_USERS / 10 }, (_, i) => ({ id: `parent-${i}`, name: `Parent ${i}`, kind: 'company', sources: [source.id] }));
await load({
  sources: [source],
  organizations: [{ id: 'bis', name: 'Bureau', kind: 'government-agency', sources: [source.id] }, { id: 'exporter', name: 'Exporter', kind: 'company', sources: [source.id] }, ...orgs, ...parents],
  relationships: orgs.map((o, i) => ({ from: o.id, type: 'subsidiary-of', to: `parent-${i % parents.length}`, sources: [source.id] })),
  designations: [{ subject: 'parent-0', authority: 'US-BIS', list: 'Entity List', listed: '2023-07-18', sources: [source.id] }],
});

console.log('bench:export-licenses — screening, revocation review on an incident, the tick');
console.log(`${fmt(LICENCES)} applications over ${fmt(END_USERS)} end users in ${fmt(parents.length)} families (one family listed); SQLite\n`);
const latencies: number[] = [];
let refused = 0;
const ids: string[] = [];
let started = performance.now();
for (let i = 0; i < LICENCES; i++) {
  const t = performance.now();
  const { case: licence } = await store.transaction((tx) => applyForExportLicense({ ctx: ctx(), application: { exporter: 'exporter', item: 'Monitoring centre', eccn: '5A001.j', endUser: `end-user-${i % END_USERS}`, endUse: 'Lawful interception', destination: 'NO' } }, tx));
  latencies.push(performance.now() - t);
  if (licence.status === 'refused') refused += 1;
  else ids.push(licence.id);
}
latencies.sort((a, b) => a - b);
const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
console.log(`apply + screen: ${fmt(LICENCES / ((performance.now() - started) / 1000))} applications/s; p50 ${fmt(p(0.5), 2)} ms, p99 ${fmt(p(0.99), 2)} ms; ${fmt(refused)} refused (listed family)`);

started = performance.now();
for (const id of ids) {
  await store.transaction(async (tx) => {
    await transition({ ctx: ctx(), workflow: exportLicenseWorkflow, id, action: 'review', input: {} }, tx);
    await transition({ ctx: ctx(), workflow: exportLicenseWorkflow, id, action: 'approve', input: { note: 'Checked', provisos: [{ kind: 'due-diligence-report', text: 'Report', dueDate: '2026-12-01' }] } }, tx);
  });
}
console.log(`review + approve with a dated proviso: ${fmt((ids.length * 2) / ((performance.now() - started) / 1000))} steps/s`);

started = performance.now();
await load({ incidents: [{ id: 'bench-elsewhere', title: 'Elsewhere', countries: ['SE'], sources: [source.id] }] });
console.log(`incident concerning no licence: ${fmt(performance.now() - started, 1)} ms`);
started = performance.now();
await load({ incidents: [{ id: 'bench-family-1', title: 'Family 1', vendor: 'parent-1', sources: [source.id] }] });
const moved = Number((await store.db.selectFrom('exportLicenses').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'revocation-review').executeTakeFirstOrThrow()).n);
console.log(`incident attributed to a parent: ${fmt(moved)} licences to revocation review in ${fmt(performance.now() - started, 1)} ms`);

started = performance.now();
const report = await runTick({ now: new Date('2026-12-03T00:00:00Z') }, { transaction: (fn) => store.transaction(fn), workflows: WORKFLOWS });
console.log(`tick: ${fmt(report.fired)} provisos flagged overdue in ${fmt(performance.now() - started, 1)} ms (${fmt(report.fired / ((performance.now() - started) / 1000))}/s)`);
await store.close();
