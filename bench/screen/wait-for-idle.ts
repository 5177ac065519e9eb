import { readFileSync } from 'node:fs';

function cpuTimes(): { idle: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (values[3] ?? 0) + (values[4] ?? 0); // idle + iowait
  return { idle, total: values.reduce((sum, value) => sum + value, 0) };
}

/**
 * Waits until the machine's CPUs have been mostly idle (≥ `idleShare`) for two one-second
 * samples in a row, or `timeoutSeconds` passed. Other people's builds share this machine; a round
 * of measurements taken in a quiet moment compares the methods instead of the neighbours.
 * Returns the idle share of the last sample and whether the wait timed out.
 *
 * @example
 * const { idle, timedOut } = await waitForIdle(0.9, 60);
 */
export async function waitForIdle(idleShare: number, timeoutSeconds: number): Promise<{ idle: number; timedOut: boolean }> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  let quietSamples = 0;
  let idle = 0;
  for (;;) {
    const before = cpuTimes();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = cpuTimes();
    idle = (after.idle - before.idle) / Math.max(1, after.total - before.total);
    quietSamples = idle >= idleShare ? quietSamples + 1 : 0;
    if (quietSamples >= 2) return { idle, timedOut: false };
    if (Date.now() > deadline) return { idle, timedOut: true };
  }
}
