import { Worker } from 'node:worker_threads';
import { isProcurementErrorCode, ProcurementError } from '../procurement-error.js';
import type { ScanWorkerInit, WorkerRequest, WorkerResponse } from './worker-messages.js';

type Pending = { resolve: (response: WorkerResponse) => void; reject: (error: Error) => void };

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
/** A request before the pool numbers it. */
export type UnnumberedRequest = DistributiveOmit<WorkerRequest, 'id'>;

function isResponse(value: unknown): value is WorkerResponse | { type: 'ready' } {
  return typeof value === 'object' && value !== null && 'type' in value;
}

/**
 * The scan worker threads and the requests in flight on each. Each worker answers its requests
 * in order, so posting a second request before the first is answered keeps it busy.
 *
 * @example
 * const pool = await ScanWorkerPool.start(2, matcherModule, Promise.resolve(init));
 * const response = await pool.request(0, { type: 'chunk', ... });
 * await pool.close();
 */
export class ScanWorkerPool {
  readonly #workers: Worker[];
  readonly #pending: Map<number, Pending>[];
  #nextId = 1;
  #failure: Error | null = null;

  private constructor(workers: Worker[]) {
    this.#workers = workers;
    this.#pending = workers.map(() => new Map());
    workers.forEach((worker, index) => {
      worker.on('message', (message: unknown) => this.#answer(index, message));
      worker.on('error', (error) => this.#fail(index, error));
      worker.on('exit', (code) => {
        if (code !== 0) this.#fail(index, new Error(`scan worker exited with code ${code}`));
      });
    });
  }

  /**
   * Starts `size` workers, which begin loading the matcher module at once; `init` (usually still
   * being read) is posted when it resolves, and the pool is ready when every worker has built
   * its matcher.
   */
  static async start(size: number, matcherModule: string, init: Promise<Omit<ScanWorkerInit, 'type'>>): Promise<ScanWorkerPool> {
    const url = new URL('./scan-worker.js', import.meta.url);
    const workers = Array.from({ length: size }, () => new Worker(url, { workerData: { matcherModule } }));
    const ready = workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          const onMessage = (message: unknown): void => {
            if (isResponse(message) && message.type === 'ready') {
              worker.off('message', onMessage);
              worker.off('error', reject);
              resolve();
            }
          };
          worker.on('message', onMessage);
          worker.once('error', reject);
        }),
    );
    try {
      const message: ScanWorkerInit = { ...(await init), type: 'init' };
      for (const worker of workers) worker.postMessage(message);
      await Promise.all(ready);
    } catch (error) {
      await Promise.all(workers.map((worker) => worker.terminate()));
      if (error instanceof ProcurementError) throw error;
      throw new ProcurementError({ code: 'WORKER_FAILED', message: `a scan worker could not start: ${String(error)}`, cause: error });
    }
    return new ScanWorkerPool(workers);
  }

  get size(): number {
    return this.#workers.length;
  }

  /** Requests in flight on one worker. */
  load(index: number): number {
    return this.#pending[index]?.size ?? 0;
  }

  /** The worker with the fewest requests in flight. */
  leastLoaded(): number {
    let best = 0;
    for (let index = 1; index < this.#workers.length; index++) if (this.load(index) < this.load(best)) best = index;
    return best;
  }

  request(index: number, request: UnnumberedRequest, transfer: ArrayBuffer[] = []): Promise<WorkerResponse> {
    if (this.#failure !== null) return Promise.reject(this.#failure);
    const worker = this.#workers[index];
    const pending = this.#pending[index];
    if (worker === undefined || pending === undefined) return Promise.reject(new Error(`no scan worker ${index}`));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id }, transfer);
    });
  }

  async close(): Promise<void> {
    for (const worker of this.#workers) worker.postMessage({ type: 'close' });
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }

  #answer(index: number, message: unknown): void {
    if (!isResponse(message) || message.type === 'ready') return;
    const pending = this.#pending[index];
    const waiting = pending?.get(message.id);
    if (pending === undefined || waiting === undefined) return;
    pending.delete(message.id);
    if (message.type === 'failed') {
      const code = message.code !== undefined && isProcurementErrorCode(message.code) ? message.code : 'WORKER_FAILED';
      waiting.reject(new ProcurementError({ code, message: message.message, where: message.where ?? '' }));
    } else waiting.resolve(message);
  }

  #fail(index: number, error: Error): void {
    this.#failure = new ProcurementError({ code: 'WORKER_FAILED', message: `scan worker ${index} failed: ${error.message}`, cause: error });
    for (const pending of this.#pending) {
      for (const waiting of pending.values()) waiting.reject(this.#failure);
      pending.clear();
    }
  }
}
