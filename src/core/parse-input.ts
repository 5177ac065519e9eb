import type { z } from 'zod';
import { CommandError, formatPath } from './command-error.js';

/**
 * Validates untrusted input at the boundary; on failure throws INVALID_INPUT naming every field.
 *
 * @example
 * const org = parseInput(organizationSchema, body, 'organization');
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string, pathPrefix: readonly PropertyKey[] = []): z.output<S> {
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
