import { runTick, type TickReport } from '../kernel/deadlines/run-tick.js';
import type { Store } from '../store/store.js';
import { WORKFLOWS } from './workflows.js';

/**
 * Fires every deadline due by `now` (what `countersign tick` and the server's interval run).
 *
 * @example
 * const report = await tick(store, new Date());
 */
export function tick(store: Store, now: Date): Promise<TickReport> {
  return runTick({ now }, { transaction: (fn) => store.transaction(fn), workflows: WORKFLOWS });
}

/**
 * Runs the tick every `intervalMs` inside `serve`, never two at once; returns the stop function.
 * A failing tick is reported and retried at the next interval.
 */
export function startTicking(store: Store, intervalMs: number, now: () => Date = () => new Date()): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    tick(store, now())
      .then((report) => {
        if (report.fired > 0) console.error(`countersign: tick fired ${report.fired} deadline${report.fired === 1 ? '' : 's'} (${report.transitioned} moved their case${report.failed.length > 0 ? `, ${report.failed.length} failed` : ''})`);
      })
      .catch((error: unknown) => console.error('countersign: tick failed:', error instanceof Error ? error.message : error))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
