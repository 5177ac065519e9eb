import { z } from 'zod';
import { CommandError } from '../../core/command-error.js';
import { parseInput } from '../../core/parse-input.js';
import type { CommandContext } from '../command-context.js';
import { hashPassword, verifyPassword } from '../password-hash.js';
import { passwordProblem } from '../password-policy.js';
import type { AccountsTransaction } from './accounts-transaction.js';

const changeSchema = z.strictObject({ currentPassword: z.string().max(1024), newPassword: z.string().max(1024) });

/**
 * A signed-in user changes their own password, proving the current one (OWASP Authentication
 * Cheat Sheet: "require the current password"). The new one must pass the password policy and
 * differ from the old. Every session of the user ends — a thief holding one is signed out — so
 * the user signs in again. The log records that this actor's password changed, nothing more.
 *
 * @example
 * await changePassword({ ctx, change: { currentPassword: '…', newPassword: '…' } }, tx);
 */
export async function changePassword({ ctx, change }: { ctx: CommandContext; change: unknown }, tx: AccountsTransaction): Promise<void> {
  const userId = ctx.actor.userId;
  if (ctx.actor.kind !== 'user' || userId === null) throw new CommandError({ code: 'UNAUTHENTICATED', message: 'sign in to change your password' });
  const input = parseInput(changeSchema, change, 'password change');
  const user = await tx.accounts.findUserById(userId);
  if (!user || user.disabledAt) throw new CommandError({ code: 'UNAUTHENTICATED', message: 'sign in to change your password' });
  if (!user.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new CommandError({ code: 'INVALID_INPUT', message: 'the current password is not right', issues: [{ path: 'currentPassword', message: 'is not right' }] });
  }
  const problem = passwordProblem(input.newPassword, { username: user.username });
  if (problem !== null) throw new CommandError({ code: 'INVALID_INPUT', message: `the new password ${problem}`, issues: [{ path: 'newPassword', message: problem }] });
  if (input.newPassword === input.currentPassword) {
    throw new CommandError({ code: 'INVALID_INPUT', message: 'the new password is the current one', issues: [{ path: 'newPassword', message: 'must differ from the current password' }] });
  }
  const at = ctx.now.toISOString();
  await tx.accounts.updateUser(user.id, { passwordHash: await hashPassword(input.newPassword) });
  await tx.accounts.deleteSessionsOf(user.id);
  await tx.log.append({ type: 'accounts.password.changed', actor: user.actorId, time: at, subjects: [`actor:${user.actorId}`], data: { actor: user.actorId, how: 'changed' } });
}
