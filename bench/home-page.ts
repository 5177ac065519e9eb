import { execFile } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { projectRoot } from '../src/core/project-root.js';
import { DEFAULT_RATE_LIMITS, serverSettings } from '../src/server/server-settings.js';
import type { Store } from '../src/store/store.js';
import { loadBundledDataset } from '../test/support/bundled-dataset.js';
import { addFactoryOrganizations } from '../test/support/bulk-organizations.js';
import { serveForBench } from './export/serve-for-bench.js';
import { openStore } from '../src/app/open-store.js';

/**
 * bench:home — the home page under load: the bundled dataset plus `--records` factory
 * organisations (SQLite file under .bench/, or DATABASE_URL), served on 127.0.0.1, hit by
 * autocannon (its own process) with `--connections` connections for `--seconds`. Prints
 * requests/s and latency beside issue #12's anchor.
 */
const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '2000' },
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '10' },
  },
});
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

let url = process.env['DATABASE_URL'];
if (!url) {
  const dir = join(projectRoot(), '.bench', 'home');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'registry.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  url = `sqlite:${file}`;
}
console.log('bench:home — GET / under load (autocannon)');
console.log(`machine: ${(await import('node:os')).cpus().length} cores, Node ${process.version}; database ${url.startsWith('sqlite:') ? 'SQLite' : 'PostgreSQL'}\n`);

const store = await openStore(url);
await loadBundledDataset(store);
await addFactoryOrganizations(store, Number(values.records));
const server = await serveForBench(store, serverSettings({ rateLimits: DEFAULT_RATE_LIMITS }));

const autocannon = join(projectRoot(), 'node_modules', '.bin', 'autocannon');
const run = await promisify(execFile)(autocannon, ['-c', values.connections, '-d', values.seconds, '--json', `${server.origin}/`], { maxBuffer: 64 * 1024 * 1024 });
const result = z.object({
  requests: z.object({ average: z.number(), total: z.number() }),
  latency: z.object({ p50: z.number(), p99: z.number(), max: z.number() }),
  non2xx: z.number(),
  errors: z.number(),
  timeouts: z.number(),
}).parse(JSON.parse(run.stdout));
await server.close();
await store.close();

console.log(`GET / with ${values.connections} connections for ${values.seconds} s: ${fmt(result.requests.average)} req/s (${fmt(result.requests.total)} requests), latency p50 ${fmt(result.latency.p50)} ms, p99 ${fmt(result.latency.p99)} ms, max ${fmt(result.latency.max)} ms; non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}`);
console.log('anchor (issue #12, before): 144 req/s, p99 637 ms at 50 connections, one 7.8 s outlier');
