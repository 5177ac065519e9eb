import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CommandError } from '../../core/command-error.js';
import { parseInput } from '../../core/parse-input.js';
import type { CommandContext } from '../command-context.js';
import type { GrantRow } from '../accounts-store.js';
import { authorize } from '../policies.js';
import { formatScope, isScopedRole, parseScope, SCOPED_ROLES, type Scope, type ScopedRole } from '../scoped-roles.js';
import { usernameSchema } from '../user-input.js';
import type { AccountsTransaction } from './accounts-transaction.js';

const grantInputSchema = z.strictObject({
  username: usernameSchema,
  role: z.string().refine(isScopedRole, { message: `one of ${Object.keys(SCOPED_ROLES).join(', ')}` }),
  scope: z.string().max(220),
});

/**
 * Says whether a scope names something that exists (a registry organisation, a board), so a grant
 * never points at nothing. It reads through the command's own transaction.
 */
export type ScopeResolver<Tx> = (scope: Scope, tx: Tx) => Promise<boolean>;

function parseGrant(input: unknown): { username: string; role: ScopedRole; scope: Scope } {
  const parsed = parseInput(grantInputSchema, input, 'grant');
  const scope = parseScope(parsed.scope);
  if (!scope) throw new CommandError({ code: 'INVALID_INPUT', message: `invalid grant: scope "${parsed.scope}" is not KIND:ID`, issues: [{ path: 'scope', message: 'expected KIND:ID, e.g. agency:immigration-and-customs-enforcement' }] });
  if (!isScopedRole(parsed.role)) throw new CommandError({ code: 'INVALID_INPUT', message: `unknown role ${parsed.role}` });
  const kind = SCOPED_ROLES[parsed.role];
  if (scope.kind !== kind && scope.kind !== 'case') throw new CommandError({ code: 'INVALID_INPUT', message: `invalid grant: a ${parsed.role} is scoped to a ${kind}, not a ${scope.kind}`, issues: [{ path: 'scope', message: `expected ${kind}:ID` }] });
  return { username: parsed.username, role: parsed.role, scope };
}

/**
 * Grants a scoped role (`officer` of `agency:…`, `board-member` of `board:seattle`). Admins only;
 * the log records the grantee's pseudonymous id, the role and the scope — who holds power over
 * which cases is public, who the person is is not.
 *
 * @example
 * await grantRole({ ctx, grant: { username: 'olive', role: 'officer', scope: 'agency:immigration-and-customs-enforcement' }, scopeExists }, tx);
 */
export async function grantRole<Tx extends AccountsTransaction>({ ctx, grant, scopeExists }: { ctx: CommandContext; grant: unknown; scopeExists: ScopeResolver<Tx> }, tx: Tx): Promise<GrantRow> {
  authorize(ctx.actor, 'grant.manage');
  const input = parseGrant(grant);
  const user = await tx.accounts.findUserByUsername(input.username);
  if (!user) throw new CommandError({ code: 'NOT_FOUND', message: `no user "${input.username}"`, issues: [{ path: 'username', message: 'unknown user' }] });
  if (!(await scopeExists(input.scope, tx))) throw new CommandError({ code: 'NOT_FOUND', message: `no ${input.scope.kind} "${input.scope.id}"`, issues: [{ path: 'scope', message: `unknown ${input.scope.kind}` }] });
  if (await tx.accounts.findActiveGrant(user.id, input.role, input.scope)) throw new CommandError({ code: 'CONFLICT', message: `${input.username} is already ${input.role} of ${formatScope(input.scope)}` });
  const at = ctx.now.toISOString();
  const row: GrantRow = { id: randomUUID(), userId: user.id, role: input.role, scope: input.scope, grantedAt: at, grantedBy: ctx.actor.actorId, revokedAt: null, revokedBy: null };
  await tx.accounts.insertGrant(row);
  await tx.log.append({ type: 'accounts.grant.added', actor: ctx.actor.actorId, time: at, subjects: [`actor:${user.actorId}`, formatScope(input.scope)], data: { grant: row.id, actor: user.actorId, role: input.role, scope: formatScope(input.scope) } });
  return row;
}

/** Revokes a scoped role; the log records it. Revoking what was never granted is a 404 and logs nothing. */
export async function revokeRole({ ctx, grant }: { ctx: CommandContext; grant: unknown }, tx: AccountsTransaction): Promise<GrantRow> {
  authorize(ctx.actor, 'grant.manage');
  const input = parseGrant(grant);
  const user = await tx.accounts.findUserByUsername(input.username);
  if (!user) throw new CommandError({ code: 'NOT_FOUND', message: `no user "${input.username}"`, issues: [{ path: 'username', message: 'unknown user' }] });
  const row = await tx.accounts.findActiveGrant(user.id, input.role, input.scope);
  if (!row) throw new CommandError({ code: 'NOT_FOUND', message: `${input.username} is not ${input.role} of ${formatScope(input.scope)}` });
  const at = ctx.now.toISOString();
  await tx.accounts.revokeGrant(row.id, at, ctx.actor.actorId);
  await tx.log.append({ type: 'accounts.grant.revoked', actor: ctx.actor.actorId, time: at, subjects: [`actor:${user.actorId}`, formatScope(input.scope)], data: { grant: row.id, actor: user.actorId, role: input.role, scope: formatScope(input.scope) } });
  return { ...row, revokedAt: at, revokedBy: ctx.actor.actorId };
}
