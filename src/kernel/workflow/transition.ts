import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { CommandContext } from '../../accounts/command-context.js';
import { authorizePolicy } from '../../accounts/policies.js';
import { CommandError } from '../../core/command-error.js';
import type { JsonValue } from '../../core/json-value.js';
import { parseInput } from '../../core/parse-input.js';
import type { KernelTransaction } from '../kernel-transaction.js';
import type { DeadlineEffects, StepArgs, StepOutput, Workflow } from './workflow.js';

/** ISO date or UTC timestamp of when a step happened. */
const occurredAtSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** The instant of an `occurredAt` (a date counts from its start, UTC). */
function instantOf(occurredAt: string): number {
  return Date.parse(occurredAt.length === 10 ? `${occurredAt}T00:00:00Z` : occurredAt);
}

/**
 * When the step happened: the recorded date of an earlier event (only for steps that allow it, and
 * never in the future), or now. The log keeps both: the entry's `time` is when it was recorded.
 */
function resolveOccurredAt(ctx: CommandContext, given: unknown, backdate: boolean | undefined, step: string): string {
  if (given === undefined) return ctx.now.toISOString();
  if (!backdate) throw new CommandError({ code: 'INVALID_INPUT', message: `${step} is recorded when it happens; it takes no occurredAt`, issues: [{ path: 'occurredAt', message: 'not allowed for this step' }] });
  const occurredAt = parseInput(occurredAtSchema, given, 'occurredAt', ['occurredAt']);
  if (instantOf(occurredAt) > ctx.now.getTime() + 60_000) throw new CommandError({ code: 'INVALID_INPUT', message: `occurredAt ${occurredAt} is in the future`, issues: [{ path: 'occurredAt', message: 'must not be in the future' }] });
  return occurredAt;
}

async function applyDeadlines<C, I, Tx extends KernelTransaction>(workflow: Workflow<C, Tx>, id: string, effects: DeadlineEffects<C, I, Tx> | undefined, args: StepArgs<C, I, Tx>): Promise<void> {
  if (!effects) return;
  const at = args.ctx.now.toISOString();
  if (effects.stop && effects.stop.length > 0) await args.tx.deadlines.stop(workflow.caseType, id, effects.stop, at, `${args.from ?? 'opened'} → ${args.to}`);
  for (const rule of effects.start ?? []) {
    const due = rule.due(args);
    if (!due) continue;
    await args.tx.deadlines.start({
      id: randomUUID(), caseType: workflow.caseType, caseId: id, kind: rule.kind, label: rule.label, dueAt: due.dueAt, dueDate: due.dueDate ?? null, calendar: due.calendar ?? null,
      state: 'open', firesEvent: rule.firesEvent, onFire: rule.onFire ?? null, startedAt: at, firedAt: null, stoppedAt: null, stopReason: null,
    });
  }
}

function eventData(workflow: { idField: string }, id: string, from: string | null, to: string, occurredAt: string, ctx: CommandContext, output: StepOutput | void): Record<string, JsonValue> {
  return {
    ...(output?.data ?? {}),
    [workflow.idField]: id,
    ...(from !== null ? { from } : {}),
    to,
    // Only a step that happened before it was recorded says so; the entry's time is the recording.
    ...(occurredAt !== ctx.now.toISOString() ? { occurredAt } : {}),
  };
}

/** What a step did. */
export interface StepResult<C> {
  readonly case: C;
  readonly from: string | null;
  readonly to: string;
  /** The log entry's row id (its receipt follows once sequenced). */
  readonly entryId: number;
}

async function reload<C, Tx>(workflow: Workflow<C, Tx>, tx: Tx, id: string): Promise<C> {
  const loaded = await workflow.load(tx, id);
  if (loaded === null) throw new Error(`${workflow.caseType} ${id} vanished inside its own transaction`);
  return loaded;
}

/**
 * Runs one transition of a workflow: validates the input, loads the case, authorises the actor
 * against the step's policy *and the case* (an officer of this agency), checks the state, runs the
 * guard, claims the new state with a conditional update (a lost race is a 409 and appends
 * nothing), writes the module's rows, appends the event (its subscribers run) and starts or stops
 * deadlines — all in the caller's transaction.
 *
 * @example
 * await store.transaction((tx) => transition({ ctx, workflow: changeWorkflow, id, action: 'accept', input: { note } }, tx));
 */
export async function transition<C, Tx extends KernelTransaction>(
  { ctx, workflow, id, action, input, occurredAt: givenOccurredAt }: { ctx: CommandContext; workflow: Workflow<C, Tx>; id: string; action: string; input?: unknown; occurredAt?: unknown },
  tx: Tx,
): Promise<StepResult<C>> {
  const step = Object.hasOwn(workflow.transitions, action) ? workflow.transitions[action] : undefined;
  if (!step) throw new CommandError({ code: 'NOT_FOUND', message: `a ${workflow.label} has no step "${action}"` });
  const parsed = parseInput(step.input, input ?? {}, step.label.toLowerCase());
  const occurredAt = resolveOccurredAt(ctx, givenOccurredAt, step.backdate, step.label);
  const current = await workflow.load(tx, id);
  if (current === null) throw new CommandError({ code: 'NOT_FOUND', message: `no ${workflow.label} "${id}"` });
  authorizePolicy(ctx.actor, `${step.label.toLowerCase()} this ${workflow.label}`, step.policy, workflow.resourceOf(current));
  const from = workflow.stateOf(current);
  if (!step.from.includes(from)) {
    throw new CommandError({ code: 'CONFLICT', message: `${workflow.label} "${id}" is ${workflow.states[from]?.label.toLowerCase() ?? from}; "${step.label}" needs it ${step.from.map((s) => workflow.states[s]?.label.toLowerCase() ?? s).join(' or ')}` });
  }
  const partial = { ctx, case: current, input: parsed, tx, from, occurredAt };
  const to = step.target ? step.target(partial) : step.to;
  if (!Object.hasOwn(workflow.states, to)) throw new Error(`${workflow.caseType}.${action} leads to undeclared state "${to}"`);
  const args: StepArgs<C, unknown, Tx> = { ...partial, to };
  await step.guard?.(args);
  if (!(await tx.cases.compareAndSet(workflow.caseType, id, from, to, ctx.now.toISOString()))) {
    throw new CommandError({ code: 'CONFLICT', message: `${workflow.label} "${id}" changed while this step ran (it is no longer ${from}); reload and try again` });
  }
  const output = await step.effect?.(args);
  const entry = await tx.log.append({
    type: step.event, actor: ctx.actor.actorId, time: ctx.now.toISOString(),
    subjects: [`${workflow.caseType}:${id}`, ...(output?.subjects ?? [])],
    data: eventData(workflow, id, from, to, occurredAt, ctx, output),
    ...(output?.sealed ? { sealed: output.sealed } : {}),
  });
  await applyDeadlines(workflow, id, step.deadlines, args);
  return { case: await reload(workflow, tx, id), from, to, entryId: entry.id };
}

/**
 * Opens a case with its workflow's opening step: validates, authorises against the resource the
 * new case will belong to, inserts it, appends the event and starts its deadlines.
 *
 * @example
 * const { case: review } = await openCase({ ctx, workflow: acquisitionReviewWorkflow, via: 'open', input: body }, tx);
 */
export async function openCase<C, Tx extends KernelTransaction>(
  { ctx, workflow, via, input, occurredAt: givenOccurredAt }: { ctx: CommandContext; workflow: Workflow<C, Tx>; via: string; input: unknown; occurredAt?: unknown },
  tx: Tx,
): Promise<StepResult<C>> {
  const opening = Object.hasOwn(workflow.openings, via) ? workflow.openings[via] : undefined;
  if (!opening) throw new Error(`${workflow.caseType} has no opening step "${via}"`);
  const parsed = parseInput(opening.input, input, opening.label.toLowerCase());
  const occurredAt = resolveOccurredAt(ctx, givenOccurredAt, opening.backdate, opening.label);
  authorizePolicy(ctx.actor, opening.label.toLowerCase(), opening.policy, opening.resourceOf(parsed, ctx));
  const args = { ctx, case: undefined, input: parsed, tx, from: null, to: opening.to, occurredAt };
  await opening.guard?.(args);
  const output = await opening.create(args);
  const entry = await tx.log.append({
    type: opening.event, actor: ctx.actor.actorId, time: ctx.now.toISOString(),
    subjects: [`${workflow.caseType}:${output.id}`, ...(output.subjects ?? [])],
    data: eventData(workflow, output.id, null, opening.to, occurredAt, ctx, output),
    ...(output.sealed ? { sealed: output.sealed } : {}),
  });
  const created = await reload(workflow, tx, output.id);
  if (opening.deadlines) await applyDeadlines(workflow, output.id, opening.deadlines, { ...args, case: created });
  return { case: created, from: null, to: opening.to, entryId: entry.id };
}
