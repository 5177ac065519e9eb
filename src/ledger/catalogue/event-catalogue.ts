import { z } from 'zod';
import { BaseError } from '../../core/base-error.js';
import type { LogEntryInput } from '../append/log-entry-input.js';
import type { EntryMeta, EventDefinition } from './event-definition.js';

export class EventCatalogueError extends BaseError<'UNDECLARED_EVENT' | 'INVALID_EVENT_DATA' | 'UNDECLARED_SEALED_FIELD' | 'DUPLICATE_EVENT'> {}

/** An entry type as the public catalogue describes it (JSON Schema of its data). */
export interface PublishedEventType {
  readonly type: string;
  readonly summary: string;
  readonly sealed: readonly string[];
  readonly replays: string | null;
  readonly data: Record<string, unknown>;
}

const storedEntrySchema = z.object({ v: z.literal(1), type: z.string(), time: z.string(), actor: z.string(), subjects: z.array(z.string()), data: z.unknown() });

/**
 * Every log entry type Countersign may append, each declared once. Appending an undeclared type,
 * data its schema refuses, or a sealed field it does not declare is a programming error: the
 * check throws and the command's transaction rolls back, so tests catch it before a release.
 *
 * @example
 * const catalogue = new EventCatalogue([...registryEvents, ...tipEvents]);
 * catalogue.check({ type: 'tips.tip.submitted', actor, time, subjects, data: { tip: id } });
 */
export class EventCatalogue<Tx> {
  readonly #definitions = new Map<string, EventDefinition<unknown, Tx>>();

  constructor(definitions: readonly EventDefinition<unknown, Tx>[]) {
    for (const definition of definitions) {
      if (this.#definitions.has(definition.type)) throw new EventCatalogueError({ code: 'DUPLICATE_EVENT', message: `event type "${definition.type}" is declared twice` });
      this.#definitions.set(definition.type, definition);
    }
  }

  get types(): readonly string[] {
    return [...this.#definitions.keys()].sort();
  }

  get(type: string): EventDefinition<unknown, Tx> | undefined {
    return this.#definitions.get(type);
  }

  /** Throws unless the entry's type is declared and its data and sealed fields fit the declaration. */
  check(entry: LogEntryInput): void {
    const definition = this.#definitions.get(entry.type);
    if (!definition) throw new EventCatalogueError({ code: 'UNDECLARED_EVENT', message: `log entry type "${entry.type}" is not declared in the event catalogue` });
    const parsed = definition.data.safeParse(entry.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new EventCatalogueError({ code: 'INVALID_EVENT_DATA', message: `log entry ${entry.type}: data.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` });
    }
    for (const field of Object.keys(entry.sealed ?? {})) {
      if (!definition.sealed.includes(field)) throw new EventCatalogueError({ code: 'UNDECLARED_SEALED_FIELD', message: `log entry ${entry.type} seals "${field}", which its declaration does not list` });
    }
  }

  /**
   * Applies one stored entry (its canonical JSON) to public state through its declared replay.
   * Returns whether it changed anything. An entry whose type is not declared fails the replay:
   * the log holds something this version cannot explain.
   */
  async replay(entryText: string, tx: Tx): Promise<boolean> {
    const entry = storedEntrySchema.parse(JSON.parse(entryText));
    const definition = this.#definitions.get(entry.type);
    if (!definition) throw new EventCatalogueError({ code: 'UNDECLARED_EVENT', message: `the log holds an entry of type "${entry.type}", which this version does not declare` });
    if (!definition.replay) return false;
    const meta: EntryMeta = { type: entry.type, time: entry.time, actor: entry.actor, subjects: entry.subjects };
    await definition.replay(definition.data.parse(entry.data), meta, tx);
    return true;
  }

  /** The catalogue as published: every type, its meaning, its data's JSON Schema, its sealed fields. */
  publish(): PublishedEventType[] {
    return this.types.map((type) => {
      const d = this.#definitions.get(type);
      if (!d) throw new Error(`event type "${type}" vanished from the catalogue`);
      return { type, summary: d.summary, sealed: [...d.sealed], replays: d.replays ?? null, data: z.toJSONSchema(d.data, { io: 'input', unrepresentable: 'any' }) };
    });
  }
}
