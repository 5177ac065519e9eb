import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { z } from 'zod';
import { openStore } from '../src/app/open-store.js';
import { projectRoot } from '../src/core/project-root.js';
import { DEFAULT_RATE_LIMITS, serverSettings } from '../src/server/server-settings.js';
import { loadBundledDataset } from '../test/support/bundled-dataset.js';
import { addBulkRegistry, bulkParents, type BulkRegistry } from '../test/support/bulk-registry.js';
import { serveForBench } from './export/serve-for-bench.js';

/**
 * bench:portal — issue #13's speed figures. A registry of `--organizations` (100,000) factory
 * organisations with their relationships (groups of ten: a parent and nine subsidiaries, investors)
 * beside the bundled dataset; the whole app served on 127.0.0.1; autocannon in its own process,
 * `--connections` (10) connections for `--seconds` (30) per target: search (the API, cycling
 * through acronyms, a typo, a country, a vendor, a factory name), an organisation page (group
 * parents with their families, and Paragon Solutions), an index page (filtered, sorted, pages
 * deep into the list), and a Hono hello-world in the same process as the ceiling. Searches and
 * pages are kept until the registry changes (`VersionedCache`), so those runs are warm; two more
 * runs cycle through more distinct searches and organisation pages than the caches keep, for the
 * cold figures. Prints
 * requests/s, p50/p95/p99 latency and peak RSS beside the targets. The search rate limit is
 * lifted (it would otherwise answer 429 after 120 requests a minute from one address).
 */
const { values } = parseArgs({
  options: {
    organizations: { type: 'string', default: '100000' },
    connections: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '30' },
    // Keep the SQLite file of an earlier run with the same --organizations instead of building it again (minutes on a busy machine).
    reuse: { type: 'boolean', default: false },
  },
});
const count = Number(values.organizations);
const connections = Number(values.connections);
const seconds = Number(values.seconds);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

let url = process.env['DATABASE_URL'];
if (!url) {
  const dir = join(projectRoot(), '.bench', 'portal');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'registry.db');
  if (!values.reuse || !existsSync(file)) for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  url = `sqlite:${file}`;
}
console.log('bench:portal — search, an organisation page and an index page under load, beside a Hono hello-world');
console.log(`machine: ${cpus().length} cores, Node ${process.version}; database ${url.startsWith('sqlite:') ? 'SQLite' : 'PostgreSQL'}; ${connections} connections, ${seconds} s each\n`);

const store = await openStore(url);
const existing = Number((await store.db.selectFrom('organizations').select((eb) => eb.fn.countAll().as('n')).where('id', 'like', 'factory-org-%').executeTakeFirst())?.n ?? 0);
let registry: BulkRegistry;
if (values.reuse && existing === count) {
  registry = { organizations: count, relationships: Number((await store.db.selectFrom('relationships').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0), parents: bulkParents(count) };
  console.log(`registry: reusing ${fmt(count)} factory organisations and ${fmt(registry.relationships)} relationships from an earlier run`);
} else {
  await loadBundledDataset(store);
  const built = Date.now();
  registry = await addBulkRegistry(store, count);
  console.log(`registry: ${fmt(registry.organizations)} factory organisations and ${fmt(registry.relationships)} relationships written in ${fmt((Date.now() - built) / 1000, 1)} s (plus the bundled dataset)`);
}
store.sqlite?.pragma('optimize');

const app = await serveForBench(store, serverSettings({ rateLimits: { ...DEFAULT_RATE_LIMITS, search: { bucket: 'search', limit: 1_000_000_000, windowMs: 60_000 } } }));
const hello = new Hono().get('/', (c) => c.text('Hello, world!'));
const helloServer = serve({ fetch: hello.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise<void>((resolve) => helloServer.once('listening', () => resolve()));
const helloOrigin = `http://127.0.0.1:${(helloServer.address() as AddressInfo).port}`;

const loadResult = z.object({ rps: z.number(), total: z.number(), p50: z.number(), p95: z.number(), p99: z.number(), max: z.number(), non2xx: z.number(), errors: z.number(), timeouts: z.number() });
type Load = z.infer<typeof loadResult> & { peakRssMb: number };

async function load(origin: string, paths: readonly string[], duration = seconds): Promise<Load> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 100);
  try {
    const runner = join(projectRoot(), 'dist', 'bench', 'portal-load.js');
    // The request goes through a file: thousands of paths are too long for a command line.
    const file = join(projectRoot(), '.bench', 'portal', 'load.json');
    writeFileSync(file, JSON.stringify({ origin, paths, connections, seconds: duration }));
    const run = await promisify(execFile)(process.execPath, [runner, file], { maxBuffer: 64 * 1024 * 1024 });
    return { ...loadResult.parse(JSON.parse(run.stdout)), peakRssMb: peak / 1024 / 1024 };
  } finally {
    clearInterval(sampler);
  }
}

const pick = <T>(list: readonly T[], n: number): T[] => Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)] as T);
const searches = ['ICE', 'paragon', 'intelexa', 'Italy', 'pegasus', 'citizen lab', `Factory Vendor ${Math.floor(count / 2)}`, `FV${Math.floor(count / 3)}`, 'OFAC', 'NW6QFTZACWM7']
  .map((q) => `/api/v1/search?q=${encodeURIComponent(q)}`);
const organisations = [...pick(registry.parents, 9).map((id) => `/organizations/${id}`), '/organizations/paragon-solutions'];
// Cold figures beside the warm ones: more distinct requests than the caches keep (2,000 searches, 500 pages), so every one is computed.
const coldSearches = Array.from({ length: 3000 }, (_, i) => `/api/v1/search?q=${encodeURIComponent(`Factory Vendor ${1 + Math.floor((i * count) / 3000)}`)}`);
const coldOrganisations = pick(registry.parents, Math.min(1000, registry.parents.length)).map((id) => `/organizations/${id}`);
const indexes = ['/organizations', '/organizations?country=GB&sort=name', '/organizations?kind=subsidiary&offset=50000', '/organizations?country=IT&sort=kind&order=desc&offset=2500', '/incidents?country=MA', '/sources?available=link'];

// Every request answered once before the runs: a page that fails is a broken benchmark, not a slow one.
for (const path of [...searches, ...organisations, ...indexes]) {
  const res = await fetch(`${app.origin}${path}`);
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
  await res.arrayBuffer();
}

// A warm-up under load, not measured: the first seconds against a fresh process (JIT, SQLite's page
// cache, the WAL left by the build) are several times slower than the rest and would be charged to
// whichever run came first.
await load(app.origin, [...searches, ...organisations, ...indexes], Math.max(3, Math.round(seconds / 3)));

const results: [string, Load][] = [];
for (const [name, origin, paths] of [['Hono hello-world', helloOrigin, ['/']], ['search (GET /api/v1/search)', app.origin, searches], ['organisation page', app.origin, organisations], ['index page', app.origin, indexes], ['search, uncached', app.origin, coldSearches], ['organisation page, uncached', app.origin, coldOrganisations]] as const) {
  const result = await load(origin, paths);
  results.push([name, result]);
  console.log(`${name.padEnd(30)} ${fmt(result.rps).padStart(7)} req/s  p50 ${fmt(result.p50, 1).padStart(6)} ms  p95 ${fmt(result.p95, 1).padStart(6)} ms  p99 ${fmt(result.p99, 1).padStart(6)} ms  max ${fmt(result.max).padStart(5)} ms  peak RSS ${fmt(result.peakRssMb)} MB  (non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts})`);
}
helloServer.close();
await app.close();
await store.close();

const of = (name: string) => results.find(([n]) => n.startsWith(name))?.[1];
const ceiling = of('Hono')?.rps ?? 0;
const search = of('search');
const organisation = of('organisation');
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');
console.log('\ntargets (issue #13):');
if (search) {
  console.log(`  search p99 ≤ 25 ms: ${fmt(search.p99, 1)} ms — ${verdict(search.p99 <= 25)}`);
  console.log(`  search ≥ 25% of the hello-world ceiling (${fmt(ceiling)} req/s): ${fmt(search.rps)} req/s = ${fmt((100 * search.rps) / Math.max(1, ceiling), 1)}% — ${verdict(search.rps >= 0.25 * ceiling)}`);
}
if (organisation) console.log(`  organisation page p99 ≤ 50 ms: ${fmt(organisation.p99, 1)} ms — ${verdict(organisation.p99 <= 50)}`);
