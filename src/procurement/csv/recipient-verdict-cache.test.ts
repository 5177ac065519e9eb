import { describe, expect, it } from 'vitest';
import { NO_MATCH, RecipientVerdictCache } from './recipient-verdict-cache.js';

const match = { kind: 'match', match: { organizationId: 'nso-group', organizationName: 'NSO Group Technologies Ltd.', decision: 'alert', score: 1, reasons: [] } } as const;

function key(text: string, padding = 0): { bytes: Uint8Array; view: DataView; start: number; end: number } {
  const bytes = new Uint8Array(Buffer.from('#'.repeat(padding) + text));
  return { bytes, view: new DataView(bytes.buffer), start: padding, end: bytes.length };
}

describe('RecipientVerdictCache', () => {
  it('finds a key again at any alignment in the buffer', () => {
    const cache = new RecipientVerdictCache({ slots: 16, arenaBytes: 1024 });
    const first = key('NW6QFTZACWM7,,PARAGON SOLUTIONS (US) INC.,PARAGON SOLUTIONS (US) INC.');
    cache.set(RecipientVerdictCache.hash(first.view, first.start, first.end), first.bytes, first.start, first.end, match);
    for (const padding of [0, 1, 2, 3, 5]) {
      const again = key('NW6QFTZACWM7,,PARAGON SOLUTIONS (US) INC.,PARAGON SOLUTIONS (US) INC.', padding);
      expect(cache.get(RecipientVerdictCache.hash(again.view, again.start, again.end), again.bytes, again.view, again.start, again.end)).toBe(match);
    }
  });

  it('never lends a verdict to other bytes with the same hash and length', () => {
    const cache = new RecipientVerdictCache({ slots: 16, arenaBytes: 1024 });
    const stored = key('NSO GROUP TECHNOLOGIES LIMITED');
    const other = key('NSO GROUP TECHNOLOGIES LIMITEE');
    cache.set(42, stored.bytes, stored.start, stored.end, match);
    expect(cache.get(42, stored.bytes, stored.view, stored.start, stored.end)).toBe(match);
    expect(cache.get(42, other.bytes, other.view, other.start, other.end)).toBeUndefined();
  });

  it('compares bytes exactly where a float64 reading would mislead (+0 and -0, NaN)', () => {
    const cache = new RecipientVerdictCache({ slots: 16, arenaBytes: 1024 });
    const bytesOf = (values: number[]) => {
      const bytes = new Uint8Array(values);
      return { bytes, view: new DataView(bytes.buffer) };
    };
    const minusZero = bytesOf([0, 0, 0, 0, 0, 0, 0, 0x80, 65]);
    const plusZero = bytesOf([0, 0, 0, 0, 0, 0, 0, 0, 65]);
    const nan = bytesOf([1, 0, 0, 0, 0, 0, 0xf8, 0x7f, 65]);
    cache.set(1, minusZero.bytes, 0, 9, match);
    cache.set(2, nan.bytes, 0, 9, match);
    expect(cache.get(1, plusZero.bytes, plusZero.view, 0, 9)).toBeUndefined();
    expect(cache.get(1, minusZero.bytes, minusZero.view, 0, 9)).toBe(match);
    expect(cache.get(2, nan.bytes, nan.view, 0, 9)).toBe(match);
  });

  it('hashes only by content: the same bytes give the same hash wherever they are', () => {
    const a = key('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghij');
    const b = key('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghij', 3);
    expect(RecipientVerdictCache.hash(a.view, a.start, a.end)).toBe(RecipientVerdictCache.hash(b.view, b.start, b.end));
  });

  it('keeps memory fixed: starts over when half the slots are used', () => {
    const cache = new RecipientVerdictCache({ slots: 8, arenaBytes: 1024 });
    for (let i = 0; i < 10; i++) {
      const k = key(`RECIPIENT ${i}`);
      cache.set(RecipientVerdictCache.hash(k.view, k.start, k.end), k.bytes, k.start, k.end, NO_MATCH);
    }
    expect(cache.size).toBeLessThanOrEqual(4);
    expect(cache.resets).toBe(2);
  });
});
