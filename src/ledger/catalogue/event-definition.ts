import type { z } from 'zod';

/** What an entry says besides its data: who, when, about what. */
export interface EntryMeta {
  readonly type: string;
  readonly time: string;
  readonly actor: string;
  readonly subjects: readonly string[];
}

/**
 * One log entry type, declared once: its name, the schema of its `data`, the fields it may seal,
 * and how it replays into public state (absent: it changes no public state — a tip, a proposal
 * still under review, an account). `Tx` is the slice of a transaction its replay writes through.
 */
export interface EventDefinition<Data = unknown, Tx = never> {
  /** `area.thing.happened`, e.g. `registry.change.accepted`. */
  readonly type: string;
  /** What the entry means, for readers of the published catalogue (`GET /api/v1/log/types`). */
  readonly summary: string;
  readonly data: z.ZodType<Data>;
  /** Fields the entry may carry sealed (a salted commitment in the log, the value in the seal store). */
  readonly sealed: readonly string[];
  /** How the entry rebuilds public state in `log replay`, in words (published) … */
  readonly replays?: string;
  /** … and in code. Method syntax: a definition for a narrower transaction fits a wider one. */
  replay?(data: Data, meta: EntryMeta, tx: Tx): Promise<void>;
}

/**
 * Declares an entry type.
 *
 * @example
 * export const tipSubmitted = defineEvent({ type: 'tips.tip.submitted', summary: 'A tip arrived', data: z.strictObject({ tip: z.uuid() }), sealed: ['subject', 'body', 'sourceUrl', 'contact'] });
 */
export function defineEvent<Data, Tx = never>(definition: EventDefinition<Data, Tx>): EventDefinition<Data, Tx> {
  if (!/^[a-z][a-z-]*(\.[a-z][a-z0-9-]*){2,}$/.test(definition.type)) throw new Error(`event type "${definition.type}" is not area.thing.happened`);
  if ((definition.replay === undefined) !== (definition.replays === undefined)) throw new Error(`event type "${definition.type}": replay and replays (its description) go together`);
  return definition;
}
