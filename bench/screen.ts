/**
 * `npm run bench:screen`: screening throughput on a generated USAspending contract transactions
 * file (≥ 2 GB, the real 297-column format), side by side with `wc -l`, ripgrep and DuckDB on the
 * same page-cached file. Options: `--size 500M` for a quick run, `--runs N` (default 3, median
 * reported), `--workers 2,3` (screen runs to compare).
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/core/project-root.js';
import { loadWatchlistFile } from '../src/procurement/screening/load-watchlist-file.js';
import { generateContractFile, GENERATOR_VERSION } from './screen/generate-contract-file.js';
import { measureCommand, type CommandCost } from './screen/measure-command.js';
import { lockInPageCache } from './screen/page-cache-lock.js';
import { waitForIdle } from './screen/wait-for-idle.js';

const SEED = 2025;
const TARGET_MB_S = 1000;
const TARGET_RSS_MB = 300;

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

function parseSize(text: string): number {
  const match = /^([\d.]+)\s*([KMG]?)B?$/i.exec(text.trim());
  if (match === null) throw new Error(`--size: not a size: ${text}`);
  const unit = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[(match[2] ?? '').toUpperCase()] ?? 1;
  return Math.round(Number(match[1]) * unit);
}

const root = projectRoot();
const size = parseSize(option('size', '2G'));
const runs = Number.parseInt(option('runs', '3'), 10);
const workerCounts = option('workers', '2,3').split(',').map((value) => Number.parseInt(value, 10));
const dir = join(root, '.bench');
mkdirSync(dir, { recursive: true });
const file = join(dir, `contract-transactions-${size}.csv`);
const metaFile = `${file}.meta.json`;

interface Meta {
  readonly version: number;
  readonly seed: number;
  readonly rows: number;
  readonly bytes: number;
}
function readMeta(): Meta | null {
  if (!existsSync(metaFile) || !existsSync(file)) return null;
  const meta: unknown = JSON.parse(readFileSync(metaFile, 'utf8'));
  if (typeof meta !== 'object' || meta === null || !('version' in meta) || !('rows' in meta) || !('bytes' in meta) || !('seed' in meta)) return null;
  const { version, rows, bytes, seed } = meta;
  if (version !== GENERATOR_VERSION || seed !== SEED || typeof rows !== 'number' || typeof bytes !== 'number' || statSync(file).size !== bytes) return null;
  return { version, seed, rows, bytes };
}

let meta = readMeta();
if (meta === null) {
  process.stdout.write(`Generating ${(size / 1e9).toFixed(2)} GB of contract transactions (generator v${GENERATOR_VERSION}, seed ${SEED}) into ${file} …\n`);
  const started = performance.now();
  const { rows, bytes } = generateContractFile(file, size, SEED);
  meta = { version: GENERATOR_VERSION, seed: SEED, rows, bytes };
  writeFileSync(metaFile, JSON.stringify(meta) + '\n');
  process.stdout.write(`  ${rows.toLocaleString('en-US')} rows in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
} else {
  process.stdout.write(`Reusing ${file} (generator v${GENERATOR_VERSION}, ${meta.rows.toLocaleString('en-US')} rows)\n`);
}
const { rows, bytes } = meta;
process.stdout.write(`File: ${(bytes / 1e9).toFixed(2)} GB, ${rows.toLocaleString('en-US')} rows, ${(bytes / rows).toFixed(0)} bytes/row\n`);

// The names every peer looks for: the watchlist's names (primary, aliases, former).
const watchlistFile = join(root, 'test', 'fixtures', 'watchlist.json');
const watchlist = await loadWatchlistFile(watchlistFile);
const names = [...new Set(watchlist.entries.flatMap((entry) => entry.names.map((name) => name.value)))];
const namesText = join(dir, 'watchlist-names.txt');
const namesJson = join(dir, 'watchlist-names-upper.json');
writeFileSync(namesText, names.join('\n') + '\n');
writeFileSync(namesJson, JSON.stringify(names.map((name) => name.toUpperCase())));

// The real command line, in its own process, so its CPU time and peak memory are its own.
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const methods: { name: string; command: string; args: string[]; result: (cost: CommandCost) => string }[] = [
  { name: 'wc -l', command: 'wc', args: ['-l', file], result: (cost) => `${cost.stdout.trim().split(/\s+/)[0]} lines` },
  {
    name: `rg -c -i -F -f (${names.length} names)`,
    command: 'rg',
    args: ['-c', '-i', '-F', '-f', namesText, file],
    result: (cost) => `${cost.stdout.trim() || '0'} lines`,
  },
  {
    name: 'DuckDB read_csv exact names, 2 threads',
    command: process.execPath,
    args: [join(root, 'dist', 'bench', 'screen', 'duckdb-peer.js'), file, namesJson, '2'],
    result: (cost) => cost.stdout.trim(),
  },
  ...workerCounts.map((workers) => ({
    name: `countersign screen, ${workers} workers`,
    command: process.execPath,
    args: [cli, 'screen', '--json', '--include-review', '--workers', String(workers), '--watchlist', watchlistFile, file],
    result: (cost: CommandCost) => {
      const lines = cost.stdout.split('\n').filter((line) => line !== '');
      const review = lines.filter((line) => line.includes('"decision":"review"')).length;
      return `${lines.length - review} alerts, ${review} review`;
    },
  })),
];

const lock = await lockInPageCache(file);
process.stdout.write(`Page cache: the file is locked resident with \`vmtouch -l\` for the whole run, so every method reads it from memory.\n`);
process.stdout.write(
  `Each method runs ${runs} times, in rounds (every method once per round, so a busy moment on this shared ${cpus().length}-core machine hits all of them; ` +
    `each measurement waits for two seconds of CPUs ≥ 90% idle, up to 90 s); ` +
    `the median run is shown. CPU = user + system seconds of the process; RSS = its peak.\n`,
);
const loadBefore = loadavg()[0] ?? 0;
const costsOf = methods.map((): CommandCost[] => []);
try {
  for (let run = 0; run < runs; run++) {
    for (const [index, method] of methods.entries()) {
      const quiet = await waitForIdle(0.9, 90);
      const cost = await measureCommand(method.command, method.args);
      costsOf[index]?.push(cost);
      process.stdout.write(
        `  round ${run + 1}: ${method.name}: ${(bytes / 1e6 / cost.wallSeconds).toFixed(0)} MB/s` +
          (quiet.timedOut ? ` (the machine stayed busy, ${(quiet.idle * 100).toFixed(0)}% idle, after 90 s of waiting)\n` : '\n'),
      );
    }
  }
  process.stdout.write(`Still resident at the end: ${(lock.resident() * 100).toFixed(1)}%. Load average (1 min) before: ${loadBefore.toFixed(2)}, after: ${(loadavg()[0] ?? 0).toFixed(2)}.\n\n`);
} finally {
  lock.release();
}
const results: { name: string; cost: CommandCost; result: string }[] = [];
methods.forEach((method, index) => {
  const costs = [...(costsOf[index] ?? [])].sort((a, b) => a.wallSeconds - b.wallSeconds);
  const median = costs[Math.floor(costs.length / 2)];
  if (median !== undefined) results.push({ name: method.name, cost: median, result: method.result(median) });
});

const header = ['method', 'MB/s', 'rows/s', 'wall s', 'CPU s', 'peak RSS MB', 'found'];
const table = results.map(({ name, cost, result }) => [
  name,
  (bytes / 1e6 / cost.wallSeconds).toFixed(0),
  Math.round(rows / cost.wallSeconds).toLocaleString('en-US'),
  cost.wallSeconds.toFixed(2),
  cost.cpuSeconds.toFixed(2),
  cost.peakRssMb.toFixed(0),
  result,
]);
const widths = header.map((title, column) => Math.max(title.length, ...table.map((row) => (row[column] ?? '').length)));
const format = (cells: readonly string[]): string => cells.map((cell, column) => (column === 0 || column === 6 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
process.stdout.write(format(header) + '\n' + format(widths.map((width) => '-'.repeat(width))) + '\n' + table.map(format).join('\n') + '\n\n');

const speed = (prefix: string): number => {
  const found = results.find((entry) => entry.name.startsWith(prefix));
  return found === undefined ? Number.NaN : bytes / 1e6 / found.cost.wallSeconds;
};
const ripgrep = speed('rg ');
const duckdb = speed('DuckDB');
for (const entry of results.filter((candidate) => candidate.name.startsWith('countersign'))) {
  const mbs = bytes / 1e6 / entry.cost.wallSeconds;
  const cores = entry.cost.cpuSeconds / entry.cost.wallSeconds;
  const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
  process.stdout.write(
    `${entry.name}: ${mbs.toFixed(0)} MB/s — target ≥ ${TARGET_MB_S} MB/s ${verdict(mbs >= TARGET_MB_S)}; ` +
      `${(mbs / ripgrep).toFixed(2)}× ripgrep and ${(mbs / duckdb).toFixed(2)}× DuckDB (target ≥ 2×: ${verdict(mbs >= 2 * ripgrep && mbs >= 2 * duckdb)}); ` +
      `peak RSS ${entry.cost.peakRssMb.toFixed(0)} MB (target < ${TARGET_RSS_MB} MB: ${verdict(entry.cost.peakRssMb < TARGET_RSS_MB)}); ` +
      `${cores.toFixed(2)} cores busy on average (both cores: ${verdict(cores >= 1.5)}).\n`,
  );
}
