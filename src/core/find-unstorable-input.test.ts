import { describe, expect, it } from 'vitest';
import { CommandError } from './command-error.js';
import { findUnstorableInput } from './find-unstorable-input.js';
import { parseInput } from './parse-input.js';
import { z } from 'zod';

describe('findUnstorableInput', () => {
  it('names every NUL, unpaired surrogate and infinite number with its path, keys included', () => {
    const input = JSON.parse('{"a":"ok 😀","b":["x","y\\u0000"],"c":{"d\\ud800":1,"e":"\\udc00z"},"f":1e400}');
    expect(findUnstorableInput(input)).toEqual([
      { path: 'b[1]', message: expect.stringContaining('NUL') },
      { path: 'c.d\ud800', message: expect.stringContaining('its name contains an unpaired') },
      { path: 'c.e', message: expect.stringContaining('unpaired') },
      { path: 'f', message: 'is a number out of range: it must be finite' },
    ]);
    expect(findUnstorableInput({ text: 'Zrt. Ő 😀 \u2028', n: -0, deep: [[['fine']]] })).toEqual([]);
  });

  it('walks a very deep value without overflowing the stack (and in linear time)', () => {
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnstorableInput(deep)).toEqual([{ path: expect.stringMatching(/^(\[0\]){100000}$/), message: expect.stringContaining('NUL') }]);
  });

  it('makes parseInput refuse before the schema runs, naming the field', () => {
    expect(() => parseInput(z.object({ name: z.unknown() }), { name: 'a\ud800' }, 'body')).toThrow(CommandError);
    expect(() => parseInput(z.object({ name: z.unknown() }), { name: 'a\ud800' }, 'body')).toThrow(/^invalid body: name: contains an unpaired/);
  });
});
