import { describe, expect, it } from 'vitest';
import { EVENT_CATALOGUE, EVENT_DEFINITIONS, eventRuntime, SUBSCRIBERS } from '../../app/event-runtime.js';
import { EventRuntime } from '../../kernel/events/event-runtime.js';
import { TARGET_NOTICE_DUE_EVENT, targetNoticeSubscriber } from './target-notice-workflow.js';

describe('wiring the target-notice subscriber before the oversight module declares its event', () => {
  it('is needed: a runtime refuses a subscriber on an undeclared type, so the app wires it only once the type is declared', () => {
    const declared = EVENT_DEFINITIONS.some((d) => d.type === TARGET_NOTICE_DUE_EVENT);
    if (!declared) expect(() => new EventRuntime(EVENT_CATALOGUE, [targetNoticeSubscriber()])).toThrow(/does not declare/);
    expect(SUBSCRIBERS.some((s) => s.on.includes(TARGET_NOTICE_DUE_EVENT))).toBe(declared);
    // The app's runtime opens either way.
    expect(() => eventRuntime()).not.toThrow();
  });
});
