import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { CommandError } from '../core/command-error.js';
import { parseInput } from '../core/parse-input.js';
import { errorLines } from './error-lines.js';

function validationError(input: unknown): unknown {
  try {
    parseInput(z.object({ kind: z.enum(['vendor']), country: z.string().length(2), name: z.string() }), input, 'organization');
  } catch (error) {
    return error;
  }
  throw new Error('expected a validation error');
}

describe('errorLines', () => {
  it('prints each validation problem once', () => {
    const lines = errorLines(validationError({ kind: 'spyware-shop', country: 'Italy', name: 'X' }));
    const text = lines.join('\n');
    expect(text.match(/kind:/g)).toHaveLength(1);
    expect(text.match(/country:/g)).toHaveLength(1);
    expect(lines[0]).toMatch(/^countersign: invalid organization: kind: /);
    expect(lines[1]).toMatch(/^ {2}country: /);
  });

  it('lists every issue when the message does not name the first', () => {
    const error = new CommandError({ code: 'INVALID_INPUT', message: 'the file is invalid', issues: [{ path: 'a', message: 'bad' }] });
    expect(errorLines(error)).toEqual(['countersign: the file is invalid', '  a: bad']);
  });

  it('prints other errors as one line', () => {
    expect(errorLines(new Error('boom'))).toEqual(['countersign: boom']);
  });
});
