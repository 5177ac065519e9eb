import { SYSTEM } from '../../accounts/actor.js';
import type { CommandContext } from '../../accounts/command-context.js';
import type { KernelTransaction } from '../kernel-transaction.js';
import { transition } from '../workflow/transition.js';
import type { Workflow } from '../workflow/workflow.js';
import type { Deadline } from './deadline.js';

/** What a tick did. */
export interface TickReport {
  /** Deadlines fired (each a log entry). */
  readonly fired: number;
  /** Transitions the fired deadlines ran (a request moved to overdue). */
  readonly transitioned: number;
  /** Deadlines whose transition failed: fired anyway, the error in the entry. */
  readonly failed: readonly { readonly deadline: string; readonly error: string }[];
}

/** What the tick needs: transactions over the store, and the workflows whose transitions deadlines may run. */
export interface TickDependencies<Tx extends KernelTransaction> {
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  readonly workflows: ReadonlyMap<string, Workflow<unknown, Tx>>;
}

async function fire<Tx extends KernelTransaction>(deadline: Deadline, ctx: CommandContext, tx: Tx, workflows: TickDependencies<Tx>['workflows'], error?: string): Promise<'skipped' | 'fired' | 'transitioned'> {
  const at = ctx.now.toISOString();
  // Conditional: a deadline another tick (or a transition) got to first is left alone.
  if (!(await tx.deadlines.markFired(deadline.id, at))) return 'skipped';
  await tx.log.append({
    type: deadline.firesEvent, actor: ctx.actor.actorId, time: at, subjects: [`${deadline.caseType}:${deadline.caseId}`],
    data: { deadline: deadline.id, caseType: deadline.caseType, case: deadline.caseId, kind: deadline.kind, dueAt: deadline.dueAt, dueDate: deadline.dueDate, ...(error ? { error } : {}) },
  });
  if (!deadline.onFire || error) return 'fired';
  const workflow = workflows.get(deadline.caseType);
  if (!workflow) throw new Error(`deadline ${deadline.id} names workflow "${deadline.caseType}", which is not wired into the tick`);
  const step = Object.hasOwn(workflow.transitions, deadline.onFire) ? workflow.transitions[deadline.onFire] : undefined;
  if (!step) throw new Error(`deadline ${deadline.id} names step "${deadline.onFire}", which ${deadline.caseType} does not have`);
  const current = await workflow.load(tx, deadline.caseId);
  // The case moved on (answered, withdrawn): the deadline is recorded as fired, nothing more.
  if (current === null || !step.from.includes(workflow.stateOf(current))) return 'fired';
  await transition({ ctx, workflow, id: deadline.caseId, action: deadline.onFire, input: {} }, tx);
  return 'transitioned';
}

/**
 * Fires every open deadline due by `now`, idempotently: each is marked fired with a conditional
 * update and logged (`firesEvent`), and runs the transition it names. Deadlines go in batches, one
 * transaction (and one fsync) each; if a batch fails, its deadlines are retried one by one and a
 * deadline whose transition still fails is fired with the error recorded, so one broken case
 * never stops the clock for the others. Runs inside `serve` on an interval and as
 * `countersign tick` for cron.
 *
 * @example
 * const report = await runTick({ now: new Date() }, { transaction: (fn) => store.transaction(fn), workflows });
 */
export async function runTick<Tx extends KernelTransaction>({ now, batchSize = 500 }: { now: Date; batchSize?: number }, deps: TickDependencies<Tx>): Promise<TickReport> {
  const ctx: CommandContext = { actor: SYSTEM, now };
  let fired = 0;
  let transitioned = 0;
  const failed: { deadline: string; error: string }[] = [];
  const count = (outcome: 'skipped' | 'fired' | 'transitioned') => {
    if (outcome !== 'skipped') fired += 1;
    if (outcome === 'transitioned') transitioned += 1;
  };
  for (;;) {
    const batch = await deps.transaction((tx) => tx.deadlines.due(now.toISOString(), batchSize));
    if (batch.length === 0) break;
    try {
      const outcomes = await deps.transaction(async (tx) => {
        const done: ('skipped' | 'fired' | 'transitioned')[] = [];
        for (const deadline of batch) done.push(await fire(deadline, ctx, tx, deps.workflows));
        return done;
      });
      outcomes.forEach(count);
    } catch {
      for (const deadline of batch) {
        try {
          count(await deps.transaction((tx) => fire(deadline, ctx, tx, deps.workflows)));
        } catch (cause) {
          const error = cause instanceof Error ? cause.message : String(cause);
          count(await deps.transaction((tx) => fire(deadline, ctx, tx, deps.workflows, error)));
          failed.push({ deadline: deadline.id, error });
        }
      }
    }
    if (batch.length < batchSize) break;
  }
  return { fired, transitioned, failed };
}
