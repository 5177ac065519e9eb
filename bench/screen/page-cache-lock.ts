import { execFileSync, spawn, type ChildProcess } from 'node:child_process';

/** How much of a file is in the page cache, per `vmtouch`. */
export function residentShare(file: string): number {
  let out: string;
  try {
    out = execFileSync('vmtouch', [file], { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('bench:screen needs vmtouch and ripgrep (Debian: apt-get install vmtouch ripgrep)');
    throw error;
  }
  const match = /Resident Pages:\s*\d+\/\d+\s+\S+\/\S+\s+([\d.]+)%/.exec(out);
  return match?.[1] === undefined ? 0 : Number(match[1]) / 100;
}

/**
 * Locks a file in the page cache with `vmtouch -l` (a background process, stopped by `release`),
 * because this machine drops idle page cache within about a minute: every method must read the
 * same bytes from memory, not some from disk.
 *
 * @example
 * const lock = await lockInPageCache(file);
 * try { ... } finally { lock.release(); }
 */
export async function lockInPageCache(file: string): Promise<{ release(): void; resident(): number }> {
  const child: ChildProcess = spawn('vmtouch', ['-l', '-q', file], { stdio: 'ignore' });
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vmtouch -l exited with ${child.exitCode}`);
    if (residentShare(file) >= 0.999) break;
    if (Date.now() - started > 300_000) throw new Error('the file did not become resident in 5 minutes');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    release: () => {
      if (child.pid !== undefined && child.exitCode === null) child.kill('SIGTERM');
    },
    resident: () => residentShare(file),
  };
}
