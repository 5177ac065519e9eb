import type { z } from 'zod';
import { CommandError, formatPath } from './command-error.js';
import { findUnstorableInput } from './find-unstorable-input.js';

/**
 * Validates untrusted input at the boundary; on failure throws INVALID_INPUT naming every field.
 * Before the schema, every value in the input is checked to be storable (no NUL, no unpaired
 * surrogate, no infinite number: `findUnstorableInput`), so no route, form or import hands the
 * database or the log a value it would fail on with a 500.
 *
 * @example
 * const org = parseInput(organizationSchema, body, 'organization');
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string, pathPrefix: readonly PropertyKey[] = []): z.output<S> {
  const unsafe = findUnstorableInput(input, pathPrefix);
  if (unsafe.length > 0) {
    const first = unsafe[0];
    throw new CommandError({ code: 'INVALID_INPUT', message: `invalid ${what}: ${first?.path}: ${first?.message}${unsafe.length > 1 ? ` (and ${unsafe.length - 1} more)` : ''}`, issues: unsafe });
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: formatPath([...pathPrefix, ...issue.path]) || '(root)',
    message: issue.message,
  }));
  const first = issues[0];
  throw new CommandError({
    code: 'INVALID_INPUT',
    message: `invalid ${what}${first ? `: ${first.path}: ${first.message}` : ''}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`,
    issues,
  });
}
