import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CommandError, type CommandErrorCode, type InputIssue } from '../core/command-error.js';

const STATUS: Record<CommandErrorCode, ContentfulStatusCode> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

/** The statuses a problem may carry; anything else is answered as 500. */
const STATUS_CODES: readonly ContentfulStatusCode[] = [400, 401, 403, 404, 409, 413, 429, 500];

const TITLES: Record<number, string> = {
  400: 'The request is not valid',
  401: 'Sign in required',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'Request too large',
  429: 'Too many requests',
  500: 'Internal error',
};

/** An RFC 9457 problem details object; `errors` lists field-level issues (`path`, `message`). */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly code: string;
  readonly errors?: readonly InputIssue[];
}

/** The problem for an error: CommandErrors keep their code, message and issues; anything else is a 500 that reveals nothing. */
export function problemFor(error: unknown, instance?: string): ProblemDetails {
  if (error instanceof CommandError) {
    const status = STATUS[error.code];
    return {
      type: `/problems/${error.code.toLowerCase().replace(/_/g, '-')}`,
      title: TITLES[status] ?? 'Error',
      status,
      detail: error.message,
      code: error.code,
      ...(instance ? { instance } : {}),
      ...(error.issues.length > 0 ? { errors: error.issues } : {}),
    };
  }
  return { type: '/problems/internal', title: TITLES[500] ?? 'Internal error', status: 500, detail: 'Something went wrong on our side; nothing was changed.', code: 'INTERNAL', ...(instance ? { instance } : {}) };
}

/** Sends a problem as `application/problem+json` (RFC 9457 §3). */
export function problemResponse(c: Context, problem: ProblemDetails): Response {
  const status = STATUS_CODES.find((code) => code === problem.status) ?? 500;
  return c.body(JSON.stringify(problem), status, { 'content-type': 'application/problem+json; charset=utf-8' });
}
