import { concurrently, PeakRss, percentile } from './concurrent-jobs.js';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { z } from 'zod';
import { atLeast } from '../src/accounts/policy.js';
import type { Actor } from '../src/accounts/actor.js';
import { openStore } from '../src/app/open-store.js';
import { tick } from '../src/app/tick.js';
import { projectRoot } from '../src/core/project-root.js';
import { transition } from '../src/kernel/workflow/transition.js';
import { stepsFor, type Workflow } from '../src/kernel/workflow/workflow.js';
import { moderateTip } from '../src/registry/tips/moderate-tip.js';
import { submitTip } from '../src/registry/tips/submit-tip.js';
import { tipWorkflow, type TipCase, type TipsTransaction } from '../src/registry/tips/tip-workflow.js';
import type { Store } from '../src/store/store.js';

/**
 * bench:workflow — the workflow kernel: durable transitions/s (the row update and its log entry in
 * one committed transaction, fsync'd on SQLite), one case per transition and many transitions on
 * one case, and the tick over 100,000 open deadlines of which 1% are due. SQLite always;
 * PostgreSQL when TEST_DATABASE_URL (or --postgres URL) names a server. The oversight workflows at
 * scale (10,000 reviews, 100,000 uses, the audit over them) are `bench:oversight` (bench/oversight.ts).
 */
const USAGE = `usage: node dist/bench/workflow.js [options]
  --only transitions|tick  run one part (default: both)
  --transitions N          transitions per part (default 20,000)
  --callers N              concurrent callers (default 256)
  --deadlines N            open deadlines for the tick, 1% of them due (default 100,000)
  --tick-runs N            measure the tick N times, each over freshly seeded deadlines (default 1)
  --postgres URL           also run on PostgreSQL, in a throw-away schema (default: TEST_DATABASE_URL)
SQLite always runs (.bench/workflow/workflow.db). DATABASE_URL is not read: the bench writes, so it
runs only against a server named for tests.`;
const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    transitions: { type: 'string', default: '20000' },
    callers: { type: 'string', default: '256' },
    deadlines: { type: 'string', default: '100000' },
    'tick-runs': { type: 'string', default: '1' },
    postgres: { type: 'string', default: process.env.TEST_DATABASE_URL ?? '' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (values.only !== undefined && values.only !== 'transitions' && values.only !== 'tick') {
  console.error(`--only takes "transitions" or "tick", not "${values.only}"\n${USAGE}`);
  process.exit(2);
}
const N = Number(values.transitions);
const CALLERS = Number(values.callers);
const DEADLINES = Number(values.deadlines);
const TICK_RUNS = Number(values['tick-runs']);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? 'meets target' : 'BELOW TARGET');
const analyst: Actor = { kind: 'user', userId: 'bench', actorId: 'a_bench', role: 'analyst', grants: [] };
const rss = new PeakRss();
const sampleRss = () => rss.sample();

/** A self-loop on a tip, so one case can take any number of transitions. */
const step = stepsFor<TipCase, TipsTransaction>();
const notedTips: Workflow<TipCase, TipsTransaction> = {
  ...tipWorkflow,
  transitions: { note: step.transition({ label: 'Note', event: 'tips.tip.moderated', from: ['pending'], to: 'pending', policy: atLeast('analyst'), input: z.strictObject({}), effect: async () => ({ data: { decision: 'accepted' } }) }) },
};


async function openTips(store: Store, count: number): Promise<string[]> {
  const ids: string[] = [];
  await concurrently(count, CALLERS, async () => ids.push((await store.transaction((tx) => submitTip({ ctx: { actor: analyst, now: new Date() }, tip: { subject: 'Bench lead', body: 'A lead for the benchmark.' } }, tx))).tip.id), sampleRss);
  return ids;
}

/** Open deadlines straight into the table (the tick is what is measured): 1% due, the rest next year. */
async function seedDeadlines(store: Store, count: number): Promise<number> {
  const now = Date.now();
  const due = Math.floor(count / 100);
  for (let i = 0; i < count; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, count - i) }, (_, j) => {
      const k = i + j;
      const dueAt = new Date(k < due ? now - 60_000 - k : now + 365 * 86_400_000 + k).toISOString();
      return { id: randomUUID(), caseType: 'tip', caseId: `bench-${k}`, kind: 'follow-up', label: 'Follow-up due', dueAt, dueDate: null, calendar: null, state: 'open', firesEvent: 'kernel.deadline.fired', onFire: null, startedAt: new Date(now).toISOString(), firedAt: null, stoppedAt: null, stopReason: null };
    });
    await store.db.insertInto('deadlines').values(rows).execute();
  }
  return due;
}

async function measure(label: string, url: string, cleanup: () => Promise<void>): Promise<void> {
  const store = await openStore(url);
  try {
    console.log(`${label}`);
    if (values.only !== 'tick') await measureTransitions(store, label);
    if (values.only !== 'transitions') for (let run = 0; run < TICK_RUNS; run += 1) await measureTick(store);
  } finally {
    await store.close();
    await cleanup();
  }
}

async function measureTransitions(store: Store, label: string): Promise<void> {
  // 1. One case per transition: N tips, each moderated once, by CALLERS concurrent callers.
  const ids = await openTips(store, N);
  const one = await concurrently(ids.length, CALLERS, (i) => store.transaction((tx) => moderateTip({ ctx: { actor: analyst, now: new Date() }, tipId: ids[i] ?? '', moderation: { decision: 'accepted' } }, tx)), sampleRss);
  const perSecond = ids.length / one.seconds;
  console.log(`  one case per transition      ${fmt(perSecond).padStart(8)} transitions/s   p50 ${fmt(percentile(one.latencies, 50), 1)} ms · p99 ${fmt(percentile(one.latencies, 99), 1)} ms   ${label.startsWith('SQLite') ? `target ≥ 2,000/s — ${verdict(perSecond >= 2000)}` : ''}`);
  // 2. Many transitions on one case: a self-loop taken N times by the same callers.
  const [caseId] = await openTips(store, 1);
  const many = await concurrently(N, CALLERS, () => store.transaction((tx) => transition({ ctx: { actor: analyst, now: new Date() }, workflow: notedTips, id: caseId ?? '', action: 'note' }, tx)), sampleRss);
  console.log(`  many transitions on one case ${fmt(N / many.seconds).padStart(8)} transitions/s   p50 ${fmt(percentile(many.latencies, 50), 1)} ms · p99 ${fmt(percentile(many.latencies, 99), 1)} ms`);
}

/** The tick over DEADLINES open deadlines, 1% due, on a deadlines table emptied first (so runs compare). */
async function measureTick(store: Store): Promise<void> {
  await store.db.deleteFrom('deadlines').execute();
  // PostgreSQL keeps the deleted rows (and their index entries) until a vacuum: without one, each run would scan more.
  if (store.dialect === 'postgres') await sql`vacuum analyze deadlines`.execute(store.db);
  const due = await seedDeadlines(store, DEADLINES);
  let t = performance.now();
  const fired = await tick(store, new Date());
  const tickMs = performance.now() - t;
  t = performance.now();
  const idle = await tick(store, new Date());
  const idleMs = performance.now() - t;
  sampleRss();
  console.log(`  tick, ${fmt(DEADLINES)} open, ${fmt(due)} due   ${fmt(tickMs).padStart(6)} ms (${fmt(fired.fired)} fired and logged)   target < 1,000 ms — ${verdict(tickMs < 1000 && fired.fired === due)}`);
  console.log(`  tick again, nothing due      ${fmt(idleMs).padStart(6)} ms (${fmt(idle.fired)} fired)   load ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
}

console.log('bench:workflow — the workflow kernel: durable transitions and the deadline tick (reviews, uses and audits at scale: npm run bench:oversight)');
console.log(`machine: ${cpus().length} cores, Node ${process.version}${values.only === 'tick' ? '; the tick only' : `; ${fmt(N)} transitions by ${CALLERS} concurrent callers`}\n`);
const dir = join(projectRoot(), '.bench', 'workflow');
mkdirSync(dir, { recursive: true });
const file = join(dir, 'workflow.db');
const removeSqlite = async () => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
};
await removeSqlite();
await measure('SQLite (WAL, synchronous=FULL: every commit fsync\'d; commands that arrive together share a commit)', `sqlite:${file}`, removeSqlite);
if (values.postgres) {
  const schema = `bench_workflow_${randomBytes(4).toString('hex')}`;
  await measure(`PostgreSQL (${new URL(values.postgres).host}, synchronous_commit as configured)`, `${values.postgres}${values.postgres.includes('?') ? '&' : '?'}schema=${schema}`, async () => {
    const client = new pg.Client({ connectionString: values.postgres });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  });
}
console.log(`peak RSS ${fmt(rss.megabytes)} MB`);
