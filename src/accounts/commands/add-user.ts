import { randomBytes, randomUUID } from 'node:crypto';
import { CommandError } from '../../core/command-error.js';
import { parseInput } from '../../core/parse-input.js';
import type { CommandContext } from '../command-context.js';
import type { UserRow } from '../accounts-store.js';
import { hashPassword } from '../password-hash.js';
import { authorize } from '../policies.js';
import { newUserSchema } from '../user-input.js';
import type { AccountsTransaction } from './accounts-transaction.js';

/**
 * Creates an account. Admins (or the `user add` CLI, acting as the system) only. The log records
 * that an account with a role was created under a pseudonymous actor id — never the username.
 *
 * @example
 * await addUser({ ctx, user: { username: 'ada', role: 'admin', password: '…' } }, tx);
 */
export async function addUser({ ctx, user }: { ctx: CommandContext; user: unknown }, tx: AccountsTransaction): Promise<UserRow> {
  authorize(ctx.actor, 'user.manage');
  const input = parseInput(newUserSchema, user, 'user');
  if (await tx.accounts.findUserByUsername(input.username)) {
    throw new CommandError({ code: 'CONFLICT', message: `user "${input.username}" already exists`, issues: [{ path: 'username', message: 'already taken' }] });
  }
  const at = ctx.now.toISOString();
  const row: UserRow = {
    id: randomUUID(),
    username: input.username,
    displayName: input.displayName ?? null,
    role: input.role,
    actorId: `a_${randomBytes(8).toString('hex')}`,
    passwordHash: await hashPassword(input.password),
    createdAt: at,
    disabledAt: null,
  };
  await tx.accounts.insertUser(row);
  await tx.log.append({ type: 'accounts.user.added', actor: ctx.actor.actorId, time: at, subjects: [`actor:${row.actorId}`], data: { actor: row.actorId, role: row.role } });
  return row;
}
