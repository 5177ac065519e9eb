import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/core/project-root.js';
import { formatCheckpoint } from '../src/ledger/note/checkpoint.js';
import { signNote } from '../src/ledger/note/signed-note.js';
import { generateSignerKey, parseSignerKey } from '../src/ledger/note/signer-key.js';
import { startHostileServer, type HostileBehaviour } from '../test/support/hostile-http-server.js';

/**
 * bench:hostile — `countersign log verify` against a hostile server on 127.0.0.1, run as the real
 * CLI in a child process: how long until it gives up, its peak RSS, and how much the server
 * managed to push. The target: an endless `/log/key` fails within 30 s using under 300 MB
 * (before the fix: 18 GB in 75 s, and a dripping body hung it).
 */
const cli = join(projectRoot(), 'dist', 'src', 'cli', 'main.js');
// Printed by the child as it exits: its own peak resident set (getrusage ru_maxrss, KiB).
const reportRss = 'data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss_kib="+process.resourceUsage().maxRSS+"\\n"))';

interface Run {
  readonly seconds: number;
  readonly peakMb: number;
  readonly sentMb: number;
  readonly exitCode: number | null;
  readonly message: string;
}

async function runVerify(routes: Record<string, HostileBehaviour>, extra: string[] = []): Promise<Run> {
  const server = await startHostileServer(routes);
  const dir = mkdtempSync(join(tmpdir(), 'countersign-hostile-'));
  const started = performance.now();
  try {
    const child = spawn(process.execPath, ['--import', reportRss, cli, 'log', 'verify', server.url, '--state', join(dir, 'state.json'), ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const seconds = (performance.now() - started) / 1000;
    const rss = /maxrss_kib=(\d+)/.exec(output)?.[1];
    if (rss === undefined) throw new Error(`the child printed no peak RSS:\n${output}`);
    const message = output.split('\n').find((line) => /limit|Error/.test(line)) ?? output.trim().split('\n')[0] ?? '';
    return { seconds, peakMb: Number(rss) / 1024, sentMb: server.sent() / 1024 / 1024, exitCode, message: message.trim().slice(0, 160) };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
console.log('bench:hostile — countersign log verify against a hostile server on 127.0.0.1');
console.log(`machine: ${(await import('node:os')).cpus().length} cores, Node ${process.version}\n`);
const keys = generateSignerKey('countersign.test/log');
const key = keys.verifierKey;
const checkpoint = signNote(formatCheckpoint({ origin: 'countersign.test/log', size: 1n, rootHash: new Uint8Array(32) }), [parseSignerKey(keys.signerKey)]);
const cases: Array<[string, Record<string, HostileBehaviour>, string[]]> = [
  ['endless /log/key', { '/log/key': { kind: 'endless' } }, []],
  ['endless /log/checkpoint', { '/log/checkpoint': { kind: 'endless' } }, ['--key', key]],
  ['endless tile (tiles-only mode)', { '/log/checkpoint': { kind: 'body', body: checkpoint }, '/log/tile/0/000.p/1': { kind: 'endless' } }, ['--key', key, '--tiles-only']],
  ['dripping /log/key (1 byte / 100 ms)', { '/log/key': { kind: 'drip', everyMs: 100 } }, []],
];
for (const [name, routes, extra] of cases) {
  const run = await runVerify(routes, extra);
  const ok = run.exitCode !== 0 && run.seconds < 31 && run.peakMb < 300;
  console.log(`${name}`);
  console.log(`  gave up after ${fmt(run.seconds)} s, peak RSS ${fmt(run.peakMb)} MB, server pushed ${fmt(run.sentMb)} MB, exit ${run.exitCode}   target < 30 s (+ start-up) and < 300 MB — ${ok ? 'meets target' : 'MISSES TARGET'}`);
  console.log(`  ${run.message}`);
}
console.log('\nanchor (issue #12, before the fix): an endless /log/key grew the verifier to 18 GB in 75 s; a dripping one hung it.');
