import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What one child process cost, as `/usr/bin/time` saw it. */
export interface CommandCost {
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
  readonly stdout: string;
  readonly exitCode: number;
}

/**
 * Runs a command under `/usr/bin/time -f` so its wall time, user+system CPU and peak RSS are
 * measured for that process alone (children included), and collects its stdout.
 *
 * @example
 * const cost = await measureCommand('wc', ['-l', file]);
 */
export async function measureCommand(command: string, args: readonly string[]): Promise<CommandCost> {
  const dir = mkdtempSync(join(tmpdir(), 'countersign-bench-'));
  const timing = join(dir, 'time.txt');
  try {
    const child = spawn('/usr/bin/time', ['-o', timing, '-f', '%e %U %S %M', command, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    const errors: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
    const exitCode = await new Promise<number>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve(code ?? -1));
    });
    const fields = readFileSync(timing, 'utf8').trim().split('\n').pop()?.split(' ').map(Number) ?? [];
    const [wall = Number.NaN, user = Number.NaN, system = Number.NaN, rssKb = Number.NaN] = fields;
    if (exitCode !== 0 && exitCode !== 1) {
      process.stderr.write(`${command} exited ${exitCode}: ${Buffer.concat(errors).toString().slice(0, 2000)}\n`);
    }
    return { wallSeconds: wall, cpuSeconds: user + system, peakRssMb: rssKb / 1024, stdout: Buffer.concat(chunks).toString(), exitCode };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
