import { BaseError } from './base-error.js';

export type CommandErrorCode = 'INVALID_INPUT' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'CONFLICT' | 'RATE_LIMITED';

/** One problem with an input: where (a field path such as `organizations[3].country`) and what. */
export interface InputIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * The error every command throws for a request it refuses. The HTTP layer maps the code to a
 * status (400, 404, 401, 403, 409, 429) and the issues to an RFC 9457 problem's `errors`.
 *
 * @example
 * throw new CommandError({ code: 'NOT_FOUND', message: 'no organization "acme"' });
 */
export class CommandError extends BaseError<CommandErrorCode> {
  readonly issues: readonly InputIssue[];

  constructor(args: { code: CommandErrorCode; message: string; issues?: readonly InputIssue[]; cause?: unknown }) {
    super(args);
    this.issues = args.issues ?? [];
  }
}

/** Formats a path of keys and indices the way users read it: `organizations[3].country`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
