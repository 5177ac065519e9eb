import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../src/core/project-root.js';
import { DEFAULT_EXPORT_LIMITS, DEFAULT_RATE_LIMITS, serverSettings } from '../src/server/server-settings.js';
import type { Store } from '../src/store/store.js';
import { addFactoryOrganizations } from '../test/support/bulk-organizations.js';
import { serveForBench } from './export/serve-for-bench.js';
import { openStore } from '../src/app/open-store.js';

/**
 * bench:export — is the server still there while anonymous exports stream? Builds a registry of
 * `--records` organisations with the test factories (SQLite file under .bench/, or DATABASE_URL
 * for PostgreSQL), serves it on 127.0.0.1, starts `--exports` concurrent
 * `GET /api/v1/export?format=ndjson` downloads from one client and probes `/log/checkpoint`
 * every `--probe-ms` until they finish. Prints each probe figure beside issue #12's anchor.
 */
const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '20000' },
    exports: { type: 'string', default: '4' },
    'probe-ms': { type: 'string', default: '200' },
    workers: { type: 'string', default: String(DEFAULT_EXPORT_LIMITS.workers) },
  },
});
const records = Number(values.records);
const exportsRunning = Number(values.exports);
const probeMs = Number(values['probe-ms']);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

let url = process.env['DATABASE_URL'];
if (!url) {
  const dir = join(projectRoot(), '.bench', 'export');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'registry.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  url = `sqlite:${file}`;
}
console.log('bench:export — /log/checkpoint while anonymous NDJSON exports stream');
console.log(`machine: ${(await import('node:os')).cpus().length} cores, Node ${process.version}; database ${url.startsWith('sqlite:') ? 'SQLite' : 'PostgreSQL'}\n`);

const store = await openStore(url);
const built = performance.now();
await addFactoryOrganizations(store, records, { onProgress: (n) => process.stderr.write(`\rbuilding the registry: ${fmt(n)} / ${fmt(records)} records`) });
process.stderr.write('\n');
console.log(`registry: ${fmt(records)} organisations (+1 source) built by the factories in ${fmt((performance.now() - built) / 1000, 1)} s`);

// All exports come from one address here: let one client run them all, so that the probe sees
// the load of `--exports` concurrent downloads (the default per-client limit would refuse some).
const settings = serverSettings({
  exports: { ...DEFAULT_EXPORT_LIMITS, workers: Number(values.workers), perClient: exportsRunning },
  rateLimits: { ...DEFAULT_RATE_LIMITS, exports: { ...DEFAULT_RATE_LIMITS.exports, limit: 1000 }, logPages: { ...DEFAULT_RATE_LIMITS.logPages, limit: 100_000 } },
});
const server = await serveForBench(store, settings);

async function download(): Promise<{ bytes: number; seconds: number; status: number }> {
  const started = performance.now();
  let bytes = 0;
  try {
    const res = await fetch(`${server.origin}/api/v1/export?format=ndjson`);
    if (res.body) for await (const chunk of res.body) bytes += chunk.byteLength;
    return { bytes, seconds: (performance.now() - started) / 1000, status: res.status };
  } catch (error) {
    failures.push(`export: ${error instanceof Error ? error.message : String(error)} after ${fmt(bytes / 1e6, 1)} MB`);
    return { bytes, seconds: (performance.now() - started) / 1000, status: 0 };
  }
}

const probes: number[] = [];
const failures: string[] = [];
let done = false;
const probing = (async () => {
  while (!done) {
    const started = performance.now();
    try {
      const res = await fetch(`${server.origin}/log/checkpoint`);
      await res.text();
      if (res.status !== 200) throw new Error(`/log/checkpoint answered ${res.status}`);
      probes.push(performance.now() - started);
    } catch (error) {
      failures.push(`${error instanceof Error ? error.message : String(error)} after ${fmt(performance.now() - started)} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, probeMs));
  }
})();
const downloads = await Promise.all(Array.from({ length: exportsRunning }, () => download()));
done = true;
await probing;
await server.close();
await store.close();

const sorted = [...probes].sort((a, b) => a - b);
const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
const max = sorted[sorted.length - 1] ?? Number.NaN;
for (const [i, d] of downloads.entries()) console.log(`export ${i + 1}: HTTP ${d.status}, ${fmt(d.bytes / 1e6, 1)} MB in ${fmt(d.seconds, 1)} s`);
console.log(`\n/log/checkpoint during ${exportsRunning} exports: ${probes.length} probes, p50 ${fmt(at(0.5), 1)} ms, p99 ${fmt(at(0.99), 1)} ms, max ${fmt(max, 1)} ms`);
if (failures.length > 0) console.log(`failed requests: ${failures.length}: ${failures.slice(0, 5).join('; ')}`);
console.log('anchor (issue #12, before): 2 exports of 90,000 records → 29 s; 8 → 117 s');
console.log(`target: every probe within 1,000 ms with 4 exports of 20,000 records — ${max <= 1000 && failures.length === 0 ? 'meets target' : 'MISSES TARGET'}`);
