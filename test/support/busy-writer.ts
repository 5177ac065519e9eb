import { Worker } from 'node:worker_threads';

/** A running busy writer: resolves `done` with how many transactions it committed. */
export interface BusyWriter {
  readonly done: Promise<number>;
}

/**
 * Starts `busy-sqlite-writer` on a worker thread against an SQLite file and resolves once it holds
 * the write lock for the first time.
 *
 * @example
 * const writer = await startBusyWriter(file, { holdMs: 20, forMs: 2000 });
 * … writes of our own …
 * expect(await writer.done).toBeGreaterThan(10);
 */
export async function startBusyWriter(file: string, { holdMs, forMs }: { holdMs: number; forMs: number }): Promise<BusyWriter> {
  const worker = new Worker(new URL('./busy-sqlite-writer.js', import.meta.url), { workerData: { file, holdMs, forMs } });
  let started: () => void = () => undefined;
  const running = new Promise<void>((resolve) => (started = resolve));
  const done = new Promise<number>((resolve, reject) => {
    worker.on('message', (message: unknown) => {
      if (typeof message !== 'object' || message === null) return;
      if ('started' in message) started();
      if ('commits' in message && typeof message.commits === 'number') resolve(message.commits);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`busy writer exited with ${code}`))));
  });
  done.catch(() => undefined);
  await Promise.race([running, done]);
  return { done };
}
