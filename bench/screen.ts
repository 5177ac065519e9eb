/**
 * `npm run bench:screen`: screening throughput on a generated USAspending contract transactions
 * file (≥ 2 GB, the real 297-column format), side by side with `wc -l`, ripgrep and DuckDB on the
 * same page-cached file, for watchlists of several sizes (the registry's 13 entries, then synthetic
 * vendors from the watchlist factory), with the review queue's precision on planted near-misses
 * and look-alikes, and the same file screened as a zip archive.
 *
 * Options: `--size 500M` for a quick run, `--runs N` (default 3, median reported),
 * `--watchlist-size 13,1000,5000` (the lists measured), `--peer-watchlist-size 13,1000` (the lists
 * ripgrep and DuckDB also run with: ripgrep slows down a hundredfold on 10,000 case-insensitive
 * names, and the targets are set at 1,000), `--workers 2` (screen runs to compare),
 * `--zip-watchlist-size 1000` (the list the zip is screened with; 0 for no zip), `--idle-wait 90`
 * (seconds to wait for a quiet machine before each measurement; 0 not to wait).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/core/project-root.js';
import type { Watchlist } from '../src/procurement/matching/types.js';
import { loadWatchlistFile } from '../src/procurement/screening/load-watchlist-file.js';
import { syntheticWatchlist } from '../src/procurement/testing/watchlist-factory.js';
import { generateContractFile, GENERATOR_VERSION } from './screen/generate-contract-file.js';
import { measureCommand, type CommandCost } from './screen/measure-command.js';
import { lockInPageCache } from './screen/page-cache-lock.js';
import { plantedRecipients } from './screen/planted-recipients.js';
import { scoreScreenOutput, type ScreenOutputScore } from './screen/score-screen-output.js';
import { waitForIdle } from './screen/wait-for-idle.js';

const SEED = 2025;
/** The synthetic vendors' seed: not the file's, so their identifiers share nothing with the contractors'. */
const WATCHLIST_SEED = 11;
const TARGET_MB_S = 1000;
const TARGET_RSS_MB = 300;
/** The plants are drawn from this list; smaller lists are its prefixes (see plantedRecipients). */
const PLANT_LIST_SIZE = 5000;
/** USAspending's downloads split a year into CSVs of one million rows inside one zip. */
const ROWS_PER_ZIP_ENTRY = 1_000_000;

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

function integers(text: string, name: string): number[] {
  return text.split(',').map((value) => {
    const number = Number.parseInt(value, 10);
    if (!Number.isInteger(number) || number < 0) throw new Error(`--${name}: not a list of whole numbers: ${text}`);
    return number;
  });
}

const root = projectRoot();
const size = parseSize(option('size', '2G'));
const runs = Number.parseInt(option('runs', '3'), 10);
const workerCounts = integers(option('workers', '2'), 'workers');
const watchlistSizes = integers(option('watchlist-size', '13,1000,5000'), 'watchlist-size');
const peerSizes = new Set(integers(option('peer-watchlist-size', '13,1000'), 'peer-watchlist-size'));
const idleWait = integers(option('idle-wait', '90'), 'idle-wait')[0] ?? 90;
const zipWatchlistSize = integers(option('zip-watchlist-size', '1000'), 'zip-watchlist-size')[0] ?? 0;
const dir = join(root, '.bench');
mkdirSync(dir, { recursive: true });
const file = join(dir, `contract-transactions-${size}.csv`);
const metaFile = `${file}.meta.json`;

// The registry's own watchlist, grown with the factory's synthetic vendors; the plants come from
// the largest list so that every measured list is scored on the same file.
const registry = await loadWatchlistFile(join(root, 'test', 'fixtures', 'watchlist.json'));
const plants = plantedRecipients(syntheticWatchlist(registry, PLANT_LIST_SIZE, WATCHLIST_SEED), SEED);

interface Meta {
  readonly version: number;
  readonly seed: number;
  readonly rows: number;
  readonly bytes: number;
  /** Rows of each planted recipient, by name: a plant that drew no row is not counted. */
  readonly plantedRows: Record<string, number>;
}

function isCountRecord(value: unknown): value is Record<string, number> {
  return typeof value === 'object' && value !== null && Object.values(value).every((count) => typeof count === 'number');
}
function readMeta(): Meta | null {
  if (!existsSync(metaFile) || !existsSync(file)) return null;
  const meta: unknown = JSON.parse(readFileSync(metaFile, 'utf8'));
  if (typeof meta !== 'object' || meta === null || !('version' in meta) || !('rows' in meta) || !('bytes' in meta) || !('seed' in meta) || !('plantedRows' in meta)) return null;
  const { version, rows, bytes, seed, plantedRows } = meta;
  if (version !== GENERATOR_VERSION || seed !== SEED || typeof rows !== 'number' || typeof bytes !== 'number' || statSync(file).size !== bytes) return null;
  if (!isCountRecord(plantedRows)) return null;
  return { version, seed, rows, bytes, plantedRows };
}

let meta = readMeta();
if (meta === null) {
  process.stdout.write(`Generating ${(size / 1e9).toFixed(2)} GB of contract transactions (generator v${GENERATOR_VERSION}, seed ${SEED}, ${plants.length} planted recipients) into ${file} …\n`);
  const started = performance.now();
  const { rows, bytes, plantedRows } = generateContractFile(file, size, SEED, plants);
  meta = { version: GENERATOR_VERSION, seed: SEED, rows, bytes, plantedRows };
  writeFileSync(metaFile, JSON.stringify(meta) + '\n');
  rmSync(zipPathOf(file), { force: true });
  process.stdout.write(`  ${rows.toLocaleString('en-US')} rows in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
} else {
  process.stdout.write(`Reusing ${file} (generator v${GENERATOR_VERSION}, ${meta.rows.toLocaleString('en-US')} rows)\n`);
}
const { rows, bytes } = meta;
const plantedRows = meta.plantedRows;
// Only the plants that drew rows can be found.
const present = plants.filter((plant) => (plantedRows[plant.name] ?? 0) > 0);
process.stdout.write(`File: ${(bytes / 1e9).toFixed(2)} GB, ${rows.toLocaleString('en-US')} rows, ${(bytes / rows).toFixed(0)} bytes/row\n`);
const counts = (kind: string): number => present.filter((plant) => plant.kind === kind).length;
process.stdout.write(
  `Planted recipients in the file (${present.length} of ${plants.length} drew rows; about four rows each): ${counts('identifier')} registry UEI, ${counts('exact')} exact or punctuation-variant names, ` +
    `${counts('near-miss')} one-letter near-misses of distinctive names, ${counts('look-alike')} look-alikes (Paragon Systems; contractors named after the common surname a vendor's coined name lies two letters from), ` +
    `drawn from the ${PLANT_LIST_SIZE}-entry list; a list counts only the plants of its own entries.\n`,
);

function zipPathOf(csv: string): string {
  return csv.replace(/\.csv$/, '.zip');
}

/** The file as USAspending ships a year: one zip, CSVs of a million rows each, deflated. */
function ensureZip(csv: string): string {
  const zip = zipPathOf(csv);
  if (existsSync(zip) && statSync(zip).mtimeMs >= statSync(csv).mtimeMs) return zip;
  process.stdout.write(`Zipping the file into ${zip} (entries of ${ROWS_PER_ZIP_ENTRY.toLocaleString('en-US')} rows, as USAspending splits them) …\n`);
  const parts = join(dir, 'zip-parts');
  rmSync(parts, { recursive: true, force: true });
  mkdirSync(parts);
  // The header on every part; a part ends only where a row starts (a generated row starts with its
  // transaction key, "7012_-NONE-_…"; a description's line break never does).
  const awk = `NR == 1 { header = $0; next }
    /^[0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z]_-NONE-_/ { if (rows % ${ROWS_PER_ZIP_ENTRY} == 0) { part++; out = sprintf("%s/FY2025_All_Contracts_Full_%d.csv", dir, part); print header > out } rows++ }
    { print > out }`;
  execFileSync('awk', ['-v', `dir=${parts}`, awk, csv]);
  rmSync(zip, { force: true });
  execFileSync('sh', ['-c', `cd "$0" && zip -q -1 "$1" FY2025_All_Contracts_Full_*.csv`, parts, zip]);
  rmSync(parts, { recursive: true, force: true });
  return zip;
}

// Each list, and the names every peer looks for: the list's names (primary, aliases, former).
interface ListFiles {
  readonly size: number;
  readonly watchlist: Watchlist;
  readonly json: string;
  readonly namesText: string;
  readonly namesJson: string;
  readonly names: number;
}
const lists: ListFiles[] = [...new Set([...watchlistSizes, ...(zipWatchlistSize > 0 ? [zipWatchlistSize] : [])])].map((listSize) => {
  const watchlist = syntheticWatchlist(registry, listSize, WATCHLIST_SEED);
  const names = [...new Set(watchlist.entries.flatMap((entry) => [entry.organizationName, ...entry.names.map((name) => name.value)]))];
  const json = join(dir, `watchlist-${listSize}.json`);
  const namesText = join(dir, `watchlist-${listSize}-names.txt`);
  const namesJson = join(dir, `watchlist-${listSize}-names-upper.json`);
  writeFileSync(json, JSON.stringify(watchlist));
  writeFileSync(namesText, names.join('\n') + '\n');
  writeFileSync(namesJson, JSON.stringify(names.map((name) => name.toUpperCase())));
  return { size: listSize, watchlist, json, namesText, namesJson, names: names.length };
});
const listOf = (listSize: number): ListFiles => {
  const found = lists.find((list) => list.size === listSize);
  if (found === undefined) throw new Error(`no list of ${listSize} entries`);
  return found;
};
const zip = zipWatchlistSize > 0 ? ensureZip(file) : null;

// The real command line, in its own process, so its CPU time and peak memory are its own.
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
interface Method {
  readonly name: string;
  readonly command: string;
  readonly args: string[];
  readonly result: (cost: CommandCost) => string;
  readonly listSize?: number;
  readonly screen?: boolean;
  readonly zip?: boolean;
}
const screenResult = (listSize: number) => (cost: CommandCost): string => {
  const score = scoreScreenOutput(cost.stdout, present, listSize);
  return `${score.alertRows} alerts, ${score.reviewRows} review`;
};
const methods: Method[] = [{ name: 'wc -l', command: 'wc', args: ['-l', file], result: (cost) => `${cost.stdout.trim().split(/\s+/)[0]} lines` }];
for (const listSize of watchlistSizes) {
  const list = listOf(listSize);
  const peers: Method[] = [
    {
      name: `[${listSize}] rg -c -i -F -f (${list.names} names)`,
      command: 'rg',
      args: ['-c', '-i', '-F', '-f', list.namesText, file],
      result: (cost) => `${cost.stdout.trim() || '0'} lines`,
      listSize,
    },
    {
      name: `[${listSize}] DuckDB read_csv exact names, 2 threads`,
      command: process.execPath,
      args: [join(root, 'dist', 'bench', 'screen', 'duckdb-peer.js'), file, list.namesJson, '2'],
      result: (cost) => cost.stdout.trim(),
      listSize,
    },
  ];
  if (peerSizes.has(listSize)) methods.push(...peers);
  for (const workers of workerCounts) {
    methods.push({
      name: `[${listSize}] countersign screen, ${workers} workers`,
      command: process.execPath,
      args: [cli, 'screen', '--json', '--include-review', '--workers', String(workers), '--watchlist', list.json, file],
      result: screenResult(listSize),
      listSize,
      screen: true,
    });
  }
}
if (zip !== null) {
  const list = listOf(zipWatchlistSize);
  methods.push(
    { name: `[zip] unzip -p | wc -l`, command: 'sh', args: ['-c', 'unzip -p "$0" | wc -l', zip], result: (cost) => `${cost.stdout.trim()} lines`, zip: true },
    {
      name: `[zip] [${zipWatchlistSize}] countersign screen, ${workerCounts[0] ?? 2} workers`,
      command: process.execPath,
      args: [cli, 'screen', '--json', '--include-review', '--workers', String(workerCounts[0] ?? 2), '--watchlist', list.json, zip],
      result: screenResult(zipWatchlistSize),
      listSize: zipWatchlistSize,
      screen: true,
      zip: true,
    },
  );
}

const lock = await lockInPageCache(file);
const zipLock = zip === null ? null : await lockInPageCache(zip);
process.stdout.write(`Page cache: the file${zip === null ? ' is' : ' and its zip are'} locked resident with \`vmtouch -l\` for the whole run, so every method reads from memory.\n`);
process.stdout.write(
  `Each method runs ${runs} times, in rounds (every method once per round, so a busy moment on this shared ${cpus().length}-core machine hits all of them; ` +
    `each measurement waits for two seconds of CPUs ≥ 90% idle, up to ${idleWait} s); ` +
    `the median run is shown. CPU = user + system seconds of the process; RSS = its peak. MB/s counts the CSV's bytes (for the zip: inflated).\n`,
);
const loadBefore = loadavg()[0] ?? 0;
const costsOf = methods.map((): CommandCost[] => []);
try {
  for (let run = 0; run < runs; run++) {
    for (const [index, method] of methods.entries()) {
      const quiet = idleWait > 0 ? await waitForIdle(0.9, idleWait) : { idle: Number.NaN, timedOut: false };
      const cost = await measureCommand(method.command, method.args);
      costsOf[index]?.push(cost);
      process.stdout.write(
        `  round ${run + 1}: ${method.name}: ${(bytes / 1e6 / cost.wallSeconds).toFixed(0)} MB/s` +
          (quiet.timedOut ? ` (the machine stayed busy, ${(quiet.idle * 100).toFixed(0)}% idle, after ${idleWait} s of waiting)\n` : '\n'),
      );
    }
  }
  process.stdout.write(`Still resident at the end: ${(lock.resident() * 100).toFixed(1)}%. Load average (1 min) before: ${loadBefore.toFixed(2)}, after: ${(loadavg()[0] ?? 0).toFixed(2)}.\n\n`);
} finally {
  lock.release();
  zipLock?.release();
}
const results: { method: Method; cost: CommandCost; result: string }[] = [];
methods.forEach((method, index) => {
  const costs = [...(costsOf[index] ?? [])].sort((a, b) => a.wallSeconds - b.wallSeconds);
  const median = costs[Math.floor(costs.length / 2)];
  if (median !== undefined) results.push({ method, cost: median, result: method.result(median) });
});

const header = ['method', 'MB/s', 'rows/s', 'wall s', 'CPU s', 'peak RSS MB', 'found'];
const table = results.map(({ method, cost, result }) => [
  method.name,
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

const speedOf = (listSize: number | undefined, prefix: string): number => {
  const found = results.find((entry) => entry.method.listSize === listSize && entry.method.zip !== true && entry.method.name.startsWith(`[${listSize}] ${prefix}`));
  return found === undefined ? Number.NaN : bytes / 1e6 / found.cost.wallSeconds;
};
const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
const percent = (part: number, whole: number): string => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);
for (const entry of results.filter((candidate) => candidate.method.screen === true)) {
  const listSize = entry.method.listSize ?? 0;
  const mbs = bytes / 1e6 / entry.cost.wallSeconds;
  const cores = entry.cost.cpuSeconds / entry.cost.wallSeconds;
  const ripgrep = speedOf(listSize, 'rg ');
  const duckdb = speedOf(listSize, 'DuckDB');
  const peers = entry.method.zip === true ? 'peers read the plain CSV, so no ratio' : !peerSizes.has(listSize) ? 'no peers run with this list' : `${(mbs / ripgrep).toFixed(2)}× ripgrep and ${(mbs / duckdb).toFixed(2)}× DuckDB (target ≥ 2×: ${verdict(mbs >= 2 * ripgrep && mbs >= 2 * duckdb)})`;
  process.stdout.write(
    `${entry.method.name}: ${mbs.toFixed(0)} MB/s — target ≥ ${TARGET_MB_S} MB/s ${verdict(mbs >= TARGET_MB_S)}; ${peers}; ` +
      `peak RSS ${entry.cost.peakRssMb.toFixed(0)} MB (target < ${TARGET_RSS_MB} MB: ${verdict(entry.cost.peakRssMb < TARGET_RSS_MB)}); ` +
      `${cores.toFixed(2)} cores busy on average (both cores: ${verdict(cores >= 1.5)}).\n`,
  );
  const score: ScreenOutputScore = scoreScreenOutput(entry.cost.stdout, present, listSize);
  process.stdout.write(
    `  review queue: ${score.reviewRecipients} distinct recipients (${score.reviewRows} rows), ${score.trueReviewRecipients} of them planted near-misses: precision ${percent(score.trueReviewRecipients, score.reviewRecipients)}; ` +
      `near-misses reviewed ${score.nearMissesReviewed}/${score.nearMisses} (recall ${percent(score.nearMissesReviewed, score.nearMisses)}); ` +
      `look-alikes flagged ${score.lookAlikesFlagged}/${score.lookAlikes}; ` +
      `exact names and the UEI alerted ${score.exactNamesAlerted}/${score.exactNames}; ${score.unplannedAlertRecipients} other recipients alerted.\n`,
  );
}
