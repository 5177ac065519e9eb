import { z } from 'zod';
import { EVENT_DEFINITIONS, SUBSCRIBERS } from '../../src/app/event-runtime.js';
import { EventRuntime } from '../../src/kernel/events/event-runtime.js';
import { EventCatalogue } from '../../src/ledger/catalogue/event-catalogue.js';
import { defineEvent } from '../../src/ledger/catalogue/event-definition.js';
import type { Store } from '../../src/store/store.js';

/** An entry type only tests append: a numbered entry that changes no public state. */
export const TEST_ENTRY_TYPE = 'test.entry.written';

/** A test entry numbered `n`, about `test:n`. */
export function testEntry(n: number) {
  return { type: TEST_ENTRY_TYPE, actor: 'system', time: '2026-01-01T00:00:00Z', subjects: [`test:${n}`], data: { n } };
}

const runtime = new EventRuntime(new EventCatalogue([...EVENT_DEFINITIONS, defineEvent({ type: TEST_ENTRY_TYPE, summary: 'A numbered test entry.', data: z.strictObject({ n: z.number() }), sealed: [] })]), SUBSCRIBERS);

/** The same database, whose transactions may also append test entries (log tests fill the log with them). */
export function withTestEntries(store: Store): Store {
  return store.withEvents(runtime);
}
