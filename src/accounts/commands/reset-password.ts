import { z } from 'zod';
import { CommandError } from '../../core/command-error.js';
import { parseInput } from '../../core/parse-input.js';
import type { CommandContext } from '../command-context.js';
import { hashPassword } from '../password-hash.js';
import { passwordProblem } from '../password-policy.js';
import type { PasswordResetStore } from '../password-reset-store.js';
import { hashSecretToken } from '../secret-token.js';
import type { AccountsTransaction } from './accounts-transaction.js';

const resetSchema = z.strictObject({ token: z.string().min(1).max(200), newPassword: z.string().max(1024) });

/** One message for every kind of bad link, so a guesser learns nothing about which tokens existed. */
const BAD_LINK = 'this reset link is unknown, used or expired: ask an administrator for a new one';

/**
 * Sets a new password with an admin-issued reset link: the link must exist, be unused and
 * unexpired, and its user enabled; it then works never again (marked used in the same
 * transaction that sets the password, so two tries racing cannot both succeed). Every session
 * of the user ends. The log records that this actor's password was reset.
 *
 * @example
 * await resetPassword({ ctx, reset: { token: 'pr_…', newPassword: '…' } }, { ...tx, resets });
 */
export async function resetPassword(
  { ctx, reset }: { ctx: CommandContext; reset: unknown },
  tx: AccountsTransaction & { readonly resets: PasswordResetStore },
): Promise<{ username: string }> {
  const input = parseInput(resetSchema, reset, 'password reset');
  const id = hashSecretToken(input.token);
  const row = await tx.resets.findReset(id);
  const at = ctx.now.toISOString();
  const user = row ? await tx.accounts.findUserById(row.userId) : null;
  if (!row || row.usedAt !== null || row.expiresAt <= at || !user || user.disabledAt) throw new CommandError({ code: 'NOT_FOUND', message: BAD_LINK });
  const problem = passwordProblem(input.newPassword, { username: user.username });
  if (problem !== null) throw new CommandError({ code: 'INVALID_INPUT', message: `the new password ${problem}`, issues: [{ path: 'newPassword', message: problem }] });
  if (!(await tx.resets.markUsed(id, at))) throw new CommandError({ code: 'NOT_FOUND', message: BAD_LINK });
  await tx.accounts.updateUser(user.id, { passwordHash: await hashPassword(input.newPassword) });
  await tx.accounts.deleteSessionsOf(user.id);
  await tx.log.append({ type: 'accounts.password.changed', actor: user.actorId, time: at, subjects: [`actor:${user.actorId}`], data: { actor: user.actorId, how: 'reset' } });
  return { username: user.username };
}
