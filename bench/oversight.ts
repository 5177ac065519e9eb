import { concurrently, PeakRss, percentile } from './concurrent-jobs.js';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { SYSTEM, type Actor } from '../src/accounts/actor.js';
import { openStore } from '../src/app/open-store.js';
import { projectRoot } from '../src/core/project-root.js';
import { openCase, transition } from '../src/kernel/workflow/transition.js';
import { auditWorkflow } from '../src/oversight/audits/audit-workflow.js';
import { authorizeUse } from '../src/oversight/authorizations/authorize-use.js';
import type { DataCategory } from '../src/oversight/authorizations/data-categories.js';
import { openReview, runReviewStep } from '../src/oversight/reviews/review-commands.js';
import { recordUse } from '../src/oversight/uses/record-use.js';
import { importDataset } from '../src/registry/commands/import-dataset.js';
import { parseDataset } from '../src/registry/dataset/parse-dataset.js';
import type { Store } from '../src/store/store.js';

/**
 * bench:oversight — EO 14093 oversight on the workflow kernel at scale: opening and determining
 * 10,000 acquisition reviews, granting 1,000 authorisations, recording 100,000 uses (each its own
 * durable transaction and log entry, 2% of them breaches flagged as findings), then one audit over
 * all of them and its sign-off (statistics). Target: the audit over 100,000 uses in under 5 s on
 * SQLite. SQLite always; PostgreSQL when TEST_DATABASE_URL (or --postgres URL) names a server.
 */
const { values } = parseArgs({
  options: {
    reviews: { type: 'string', default: '10000' },
    authorizations: { type: 'string', default: '1000' },
    uses: { type: 'string', default: '100000' },
    callers: { type: 'string', default: '256' },
    postgres: { type: 'string', default: process.env.TEST_DATABASE_URL ?? '' },
    /** Keep the SQLite database afterwards, and with --audit-only run just the audit over a kept one. */
    keep: { type: 'boolean', default: false },
    'audit-only': { type: 'boolean', default: false },
  },
});
const REVIEWS = Number(values.reviews);
const AUTHORIZATIONS = Number(values.authorizations);
const USES = Number(values.uses);
const CALLERS = Number(values.callers);
const AUDIT_TARGET_MS = 5000;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const rss = new PeakRss();
const sampleRss = () => rss.sample();
const AGENCY = 'bench-agency';
const staff = (role: 'officer' | 'certifying-official' | 'auditor'): Actor => ({ kind: 'user', userId: `bench-${role}`, actorId: `a_bench_${role}`, role: 'contributor', grants: [{ role, scope: { kind: 'agency', id: AGENCY } }] });
const [officer, certifying, auditor] = [staff('officer'), staff('certifying-official'), staff('auditor')];
const ctx = (actor: Actor) => ({ actor, now: new Date() });

const line = (label: string, count: number, run: { seconds: number; latencies: number[] }, unit: string) =>
  `  ${label.padEnd(40)} ${fmt(count / run.seconds).padStart(8)} ${unit}/s   ${fmt(run.seconds, 1).padStart(6)} s   p50 ${fmt(percentile(run.latencies, 50), 1)} · p95 ${fmt(percentile(run.latencies, 95), 1)} · p99 ${fmt(percentile(run.latencies, 99), 1)} ms`;

async function givenRegistry(store: Store): Promise<void> {
  const dataset = {
    format: 'countersign-dataset/1',
    sources: [{ id: 'bench-source', title: 'Benchmark source', publisher: 'Bench' }],
    organizations: [
      { id: 'bench-vendor', name: 'Bench Vendor Ltd.', kind: 'vendor', sources: ['bench-source'] },
      { id: AGENCY, name: 'Bench Agency', kind: 'government-agency', country: 'US', sources: ['bench-source'] },
    ],
    products: [{ id: 'bench-tool', name: 'Bench Tool', vendor: 'bench-vendor', sources: ['bench-source'] }],
  };
  await store.transaction((tx) => importDataset({ ctx: ctx(SYSTEM), dataset: parseDataset(JSON.stringify(dataset), 'bench') }, tx));
}

async function measure(label: string, url: string, cleanup: () => Promise<void>): Promise<void> {
  const store = await openStore(url);
  try {
    console.log(label);
    if (!values['audit-only']) await setUp(store);
    await audit(store);
  } finally {
    await store.close();
    await cleanup();
  }
}

/** Reviews, authorisations and uses, each phase timed. */
async function setUp(store: Store): Promise<void> {
    await givenRegistry(store);
    // 1. Reviews: each opened (risk factors pre-filled from the registry) and determined, two transactions.
    const reviews: string[] = [];
    const opened = await concurrently(REVIEWS, CALLERS, async () => {
      reviews.push((await store.transaction((tx) => openReview({ ctx: ctx(officer), input: { agency: AGENCY, product: 'bench-tool', vendor: 'bench-vendor', purpose: 'Benchmark review', requestedStart: '2026-01-01' } }, tx))).id);
    }, sampleRss);
    console.log(line(`open ${fmt(REVIEWS)} reviews`, REVIEWS, opened, 'reviews'));
    // 2. One review in ten gets its due diligence and the notice to the APNSA (use opens 7 days later) before it is determined.
    const noticed = reviews.slice(0, Math.max(1, Math.ceil(AUTHORIZATIONS / 10)));
    await concurrently(noticed.length, CALLERS, async (i) => {
      await store.transaction((tx) => runReviewStep({ ctx: ctx(officer), id: noticed[i] ?? '', action: 'complete-due-diligence', input: { on: '2025-12-01' } }, tx));
      await store.transaction((tx) => runReviewStep({ ctx: ctx(officer), id: noticed[i] ?? '', action: 'notice', input: { notifiedAt: '2025-12-01' } }, tx));
    }, sampleRss);
    // Every review is determined (approved with a justification); authorisations go under the notified ones.
    const determined = await concurrently(REVIEWS, CALLERS, (i) => store.transaction((tx) => runReviewStep({ ctx: ctx(certifying), id: reviews[i] ?? '', action: 'determine', input: { decision: 'approve', justification: 'Benchmark.' } }, tx)), sampleRss);
    console.log(line(`determine ${fmt(REVIEWS)} reviews`, REVIEWS, determined, 'reviews'));
    const authorizations: { id: string; month: string }[] = [];
    const granted = await concurrently(AUTHORIZATIONS, CALLERS, async (i) => {
      const month = String(1 + (i % 10)).padStart(2, '0');
      const request = {
        review: noticed[i % noticed.length] ?? '', offenceCategory: ['drug-offences', 'racketeering', 'money-laundering', 'kidnapping'][i % 4] ?? 'drug-offences', validFrom: `2026-${month}-01`, validTo: `2026-${month}-28`,
        legalAuthority: 'warrant', issuingCourt: 'US District Court', jurisdiction: ['federal', 'NY', 'CA'][i % 3] ?? 'federal', docketNumber: `bench-${i}`, target: `+1 555 ${String(i).padStart(4, '0')}`,
        dataCategories: ['messages', 'location'], retentionDays: 30, noticeDate: `2026-${month}-28`,
      };
      authorizations.push({ id: (await store.transaction((tx) => authorizeUse({ ctx: ctx(officer), request }, tx))).id, month });
    }, sampleRss);
    console.log(line(`grant ${fmt(AUTHORIZATIONS)} authorisations`, AUTHORIZATIONS, granted, 'grants'));
    // 3. Uses: each cites an authorisation; 1% outside its window, 1% beyond its scope.
    const recorded = await concurrently(USES, CALLERS, (i) => {
      const cited = authorizations[i % authorizations.length];
      if (!cited) throw new Error('no authorisation to cite');
      const day = i % 100 === 7 ? '29' : String(1 + (i % 27)).padStart(2, '0');
      const categories: DataCategory[] = i % 100 === 13 ? ['camera'] : ['messages'];
      return store.transaction((tx) => recordUse({ ctx: ctx(officer), request: { authorization: cited.id, dataCategories: categories, occurredAt: `2026-${cited.month}-${day}T12:00:00Z` } }, tx));
    }, sampleRss);
    console.log(line(`record ${fmt(USES)} uses`, USES, recorded, 'uses'));
}

/** One audit over every use of the year, then its sign-off. */
async function audit(store: Store): Promise<void> {
    // 4. The audit over every use of the year: set-based checks, findings written in batches.
    sampleRss();
    let t = performance.now();
    const { case: run } = await store.transaction((tx) => openCase({ ctx: ctx(auditor), workflow: auditWorkflow, via: 'run', input: { agency: AGENCY, periodStart: '2026-01-01', periodEnd: '2026-12-31' } }, tx));
    const auditMs = performance.now() - t;
    const verdict = auditMs < AUDIT_TARGET_MS ? 'meets target' : 'BELOW TARGET';
    const uses = Number((await store.db.selectFrom('oversightUses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    console.log(`  audit over ${fmt(uses)} uses                ${fmt(auditMs).padStart(6)} ms   ${fmt(run.findingsCount)} findings (${Object.entries(run.findingsByKind).map(([k, n]) => `${k} ${fmt(n)}`).join(', ')})   target < ${fmt(AUDIT_TARGET_MS)} ms — ${verdict}`);
    sampleRss();
    t = performance.now();
    const { case: signed } = await store.transaction((tx) => transition({ ctx: ctx(auditor), workflow: auditWorkflow, id: run.id, action: 'sign-off', input: {} }, tx));
    const signOffMs = performance.now() - t;
    sampleRss();
    console.log(`  sign-off and statistics              ${fmt(signOffMs).padStart(6)} ms   ${signed.statistics?.byJurisdiction.length ?? 0} jurisdictions, ${signed.statistics?.byOffence.length ?? 0} offences, ${fmt(signed.statistics?.notices.overdue ?? 0)} notices overdue\n`);
}

console.log('bench:oversight — acquisition reviews, authorised uses and the post-use audit');
console.log(`machine: ${(await import('node:os')).cpus().length} cores, Node ${process.version}; ${fmt(REVIEWS)} reviews, ${fmt(AUTHORIZATIONS)} authorisations, ${fmt(USES)} uses, ${CALLERS} concurrent callers\n`);
const dir = join(projectRoot(), '.bench', 'oversight');
mkdirSync(dir, { recursive: true });
const file = join(dir, 'oversight.db');
const removeSqlite = async () => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
};
if (!values['audit-only']) await removeSqlite();
await measure('SQLite (WAL, synchronous=FULL; commands that arrive together share a commit)', `sqlite:${file}`, values.keep || values['audit-only'] ? async () => undefined : removeSqlite);
if (values.postgres) {
  const schema = `bench_oversight_${randomBytes(4).toString('hex')}`;
  await measure(`PostgreSQL (${new URL(values.postgres).host})`, `${values.postgres}${values.postgres.includes('?') ? '&' : '?'}schema=${schema}`, async () => {
    const client = new pg.Client({ connectionString: values.postgres });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  });
}
console.log(`peak RSS ${fmt(rss.megabytes)} MB`);
