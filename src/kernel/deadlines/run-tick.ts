import { SYSTEM } from '../../accounts/actor.js';
import type { CommandContext } from '../../accounts/command-context.js';
import type { LogEntryInput } from '../../ledger/append/log-entry-input.js';
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

type Outcome = 'skipped' | 'fired' | 'transitioned';

/** The entry a fired deadline appends: the same whether it fires alone or in a run. */
function firedEntry(deadline: Deadline, ctx: CommandContext, error: string | undefined): LogEntryInput {
  return {
    type: deadline.firesEvent, actor: ctx.actor.actorId, time: ctx.now.toISOString(), subjects: [`${deadline.caseType}:${deadline.caseId}`],
    data: { deadline: deadline.id, caseType: deadline.caseType, case: deadline.caseId, kind: deadline.kind, dueAt: deadline.dueAt, dueDate: deadline.dueDate, ...(error ? { error } : {}) },
  };
}

/** Whether firing writes more than the deadline's row and entry: a transition on its case, or subscribers of its entry. */
function reachesFurther(deadline: Deadline, log: KernelTransaction['log'], error: string | undefined): boolean {
  return (deadline.onFire !== null && !error) || log.runsSubscribers(deadline.firesEvent);
}

/**
 * Cuts a batch, in order, into runs that each end at the first deadline whose firing reaches
 * further (or at the batch's end). Marking a whole run fired at once, then logging it, is what
 * firing it one by one would do: no deadline before a run's last writes anything but its own row
 * and entry, so none of them can stop or fire another; the last one's transition and subscribers
 * run after it is marked and logged, as before, and before the next run is marked.
 */
function runsOf(batch: readonly Deadline[], log: KernelTransaction['log'], error: string | undefined): Deadline[][] {
  const runs: Deadline[][] = [];
  let run: Deadline[] = [];
  for (const deadline of batch) {
    run.push(deadline);
    if (reachesFurther(deadline, log, error)) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Runs the transition a fired deadline names, if its case is still where the step starts. */
async function runStep<Tx extends KernelTransaction>(deadline: Deadline & { onFire: string }, ctx: CommandContext, tx: Tx, workflows: TickDependencies<Tx>['workflows']): Promise<Outcome> {
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
 * Fires deadlines in the caller's transaction, in order: per run, one conditional update marks
 * those still open fired (a deadline another tick or a transition got to first is left alone and
 * skipped), one append logs them, then the run's last deadline runs its step. With `error`, the
 * deadlines are logged with it and run no step (their step failed on its own).
 */
async function fire<Tx extends KernelTransaction>(batch: readonly Deadline[], ctx: CommandContext, tx: Tx, workflows: TickDependencies<Tx>['workflows'], error?: string): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const run of runsOf(batch, tx.log, error)) {
    const marked = await tx.deadlines.markFired(run.map((d) => d.id), ctx.now.toISOString());
    const won = run.filter((d) => marked.has(d.id));
    await tx.log.appendAll(won.map((d) => firedEntry(d, ctx, error)));
    for (const deadline of run) {
      const { onFire } = deadline;
      if (!marked.has(deadline.id)) outcomes.push('skipped');
      else if (onFire === null || error) outcomes.push('fired');
      else outcomes.push(await runStep({ ...deadline, onFire }, ctx, tx, workflows));
    }
  }
  return outcomes;
}

/**
 * Fires every open deadline due by `now`, idempotently: each is marked fired with a conditional
 * update and logged (`firesEvent`), and runs the transition it names. Deadlines go in batches, one
 * transaction (and one fsync) each; within a batch, deadlines that run no step and wake no
 * subscriber are marked with one update and logged with one append (see `runsOf`), so a tick costs
 * a few round trips per batch rather than a few per deadline. If a batch fails, its deadlines are
 * retried one by one and a deadline whose transition still fails is fired with the error
 * recorded, so one broken case never stops the clock for the others. Runs inside `serve` on an
 * interval and as `countersign tick` for cron.
 *
 * @example
 * const report = await runTick({ now: new Date() }, { transaction: (fn) => store.transaction(fn), workflows });
 */
export async function runTick<Tx extends KernelTransaction>({ now, batchSize = 500 }: { now: Date; batchSize?: number }, deps: TickDependencies<Tx>): Promise<TickReport> {
  const ctx: CommandContext = { actor: SYSTEM, now };
  let fired = 0;
  let transitioned = 0;
  const failed: { deadline: string; error: string }[] = [];
  const count = (outcome: Outcome) => {
    if (outcome !== 'skipped') fired += 1;
    if (outcome === 'transitioned') transitioned += 1;
  };
  for (;;) {
    const batch = await deps.transaction((tx) => tx.deadlines.due(now.toISOString(), batchSize));
    if (batch.length === 0) break;
    try {
      const outcomes = await deps.transaction((tx) => fire(batch, ctx, tx, deps.workflows));
      outcomes.forEach(count);
    } catch {
      for (const deadline of batch) {
        try {
          (await deps.transaction((tx) => fire([deadline], ctx, tx, deps.workflows))).forEach(count);
        } catch (cause) {
          const error = cause instanceof Error ? cause.message : String(cause);
          (await deps.transaction((tx) => fire([deadline], ctx, tx, deps.workflows, error))).forEach(count);
          failed.push({ deadline: deadline.id, error });
        }
      }
    }
    if (batch.length < batchSize) break;
  }
  return { fired, transitioned, failed };
}
