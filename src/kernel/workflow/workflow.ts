import type { z } from 'zod';
import type { CommandContext } from '../../accounts/command-context.js';
import type { Actor } from '../../accounts/actor.js';
import type { Policy, Resource } from '../../accounts/policy.js';
import type { JsonValue } from '../../core/json-value.js';
import type { SealedValue } from '../../ledger/seal/sealed-value.js';

/** What a step adds to its log entry: public data (merged into the event's data), sealed fields, more subjects. */
export interface StepOutput {
  readonly data?: Readonly<Record<string, JsonValue>>;
  readonly sealed?: Readonly<Record<string, JsonValue | SealedValue>>;
  readonly subjects?: readonly string[];
}

/** When a deadline a step starts falls due. */
export interface Due {
  /** The UTC instant. */
  readonly dueAt: string;
  /** The local date, for date deadlines. */
  readonly dueDate?: string;
  /** The calendar used (`us-federal`). */
  readonly calendar?: string;
}

/** Everything a step's guard, effect and deadlines see. */
export interface StepArgs<C, I, Tx> {
  readonly ctx: CommandContext;
  /** The case as loaded before the step (for an opening step: undefined). */
  readonly case: C;
  readonly input: I;
  readonly tx: Tx;
  readonly from: string | null;
  readonly to: string;
  /** When the step happened: the recorded `occurredAt`, or `ctx.now` (clocks run from this). */
  readonly occurredAt: string;
}

/** A deadline a step starts. */
export interface DeadlineRule<C, I, Tx> {
  readonly kind: string;
  readonly label: string;
  /** The entry type the tick appends when it fires (declared with `deadlineFiredData`). */
  readonly firesEvent: string;
  /** A transition of the same workflow the tick runs when it fires. */
  readonly onFire?: string;
  /** Method syntax, so a rule for one input fits the workflow's table. Null: no deadline this time. */
  due(args: StepArgs<C, I, Tx>): Due | null;
}

/** Deadlines a step starts and the kinds it stops. */
export interface DeadlineEffects<C, I, Tx> {
  readonly start?: readonly DeadlineRule<C, I, Tx>[];
  readonly stop?: readonly string[];
}

/**
 * One row of a workflow's table: the step `event` moves a case `from` one of these states `to`
 * another, for whom `policy` allows, with this input; `guard` may refuse it (throwing a
 * CommandError that says why), `effect` writes the module's rows, and deadlines start or stop.
 */
export interface Transition<C, I, Tx> {
  /** What a reader sees on a button or in a timeline: "Accept". */
  readonly label: string;
  /** The log entry type (declared in the catalogue). */
  readonly event: string;
  readonly from: readonly string[];
  readonly to: string;
  readonly policy: Policy;
  readonly input: z.ZodType<I>;
  /** Whether the step may say it happened earlier than it is recorded (a notice sent last year). */
  readonly backdate?: boolean;
  readonly deadlines?: DeadlineEffects<C, I, Tx>;
  guard?(args: StepArgs<C, I, Tx>): Promise<void>;
  effect?(args: StepArgs<C, I, Tx>): Promise<StepOutput | void>;
  /** The target state when it depends on the input (approve vs deny); `to` otherwise. */
  target?(args: Omit<StepArgs<C, I, Tx>, 'to'>): string;
}

/** How a case comes to exist: the opening step of a workflow. */
export interface Opening<C, I, Tx> {
  readonly label: string;
  readonly event: string;
  readonly to: string;
  readonly policy: Policy;
  readonly input: z.ZodType<I>;
  readonly backdate?: boolean;
  readonly deadlines?: DeadlineEffects<C, I, Tx>;
  /** Who the new case will belong to, from its input (the agency of a review). */
  resourceOf(input: I, ctx: CommandContext): Resource;
  guard?(args: Omit<StepArgs<C, I, Tx>, 'case' | 'from'> & { case: undefined; from: null }): Promise<void>;
  /** Inserts the case (in state `to`) and returns its id and what the log entry adds. */
  create(args: Omit<StepArgs<C, I, Tx>, 'case' | 'from'> & { case: undefined; from: null }): Promise<StepOutput & { id: string }>;
}

/** A state of a workflow, as readers see it. */
export interface StateInfo {
  readonly label: string;
  /** No transition leaves it. */
  readonly terminal?: boolean;
}

/**
 * A workflow as data: its states and its table of transitions. A new workflow states this table
 * rather than writing commands by hand; `transition()` and `openCase()` run it.
 */
export interface Workflow<C, Tx> {
  /** The subject prefix and deadline case type: `change`, `acquisition-review`. */
  readonly caseType: string;
  /** The key of the case id in each event's data (`change`, `tip`, `review`). */
  readonly idField: string;
  readonly label: string;
  readonly states: Readonly<Record<string, StateInfo>>;
  /** The ways a case comes to exist (a request drafted from an alert, or from a contract). */
  readonly openings: Readonly<Record<string, Opening<C, unknown, Tx>>>;
  readonly transitions: Readonly<Record<string, Transition<C, unknown, Tx>>>;
  load(tx: Tx, id: string): Promise<C | null>;
  stateOf(c: C): string;
  resourceOf(c: C): Resource;
  /** Whether this actor may see the case at all (its page, its deadlines feed): public cases say yes to anyone. */
  readableBy(actor: Actor, c: C): boolean;
}

/**
 * Builders that infer each step's input type from its schema while the case and transaction
 * types are fixed once per workflow.
 *
 * @example
 * const step = stepsFor<ChangeCase, ChangeTransaction>();
 * const accept = step.transition({ label: 'Accept', event: 'registry.change.accepted', from: ['pending'], to: 'applied', policy: atLeast('editor'), input: reviewInput, effect: applyChange });
 */
export function stepsFor<C, Tx>() {
  return {
    transition<I>(t: Transition<C, I, Tx>): Transition<C, unknown, Tx> {
      return t;
    },
    opening<I>(o: Opening<C, I, Tx>): Opening<C, unknown, Tx> {
      return o;
    },
  };
}
