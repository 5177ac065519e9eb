import { CommandError } from '../../core/command-error.js';
import { parseInput } from '../../core/parse-input.js';
import type { CommandContext } from '../command-context.js';
import type { PasswordResetStore } from '../password-reset-store.js';
import { authorize } from '../policies.js';
import { hashSecretToken, newSecretToken } from '../secret-token.js';
import { usernameSchema } from '../user-input.js';
import type { AccountsTransaction } from './accounts-transaction.js';

/** How long a reset link works: a working day, long enough to pass it on, short enough to go stale. */
export const PASSWORD_RESET_LIFETIME_MS = 24 * 3600 * 1000;

/**
 * An admin (or the `user reset-link` CLI, acting as the system) issues a single-use link with
 * which a user sets a new password — for a forgotten password, or a first one. Only the hash of
 * the link's token is stored; the token is returned once, to be handed to the user by a channel
 * the admin trusts. The log records that a reset was issued for this actor, never the token.
 *
 * @example
 * const { token, expiresAt } = await issuePasswordReset({ ctx, username: 'ana' }, { ...tx, resets });
 */
export async function issuePasswordReset(
  { ctx, username }: { ctx: CommandContext; username: unknown },
  tx: AccountsTransaction & { readonly resets: PasswordResetStore },
): Promise<{ token: string; expiresAt: string }> {
  authorize(ctx.actor, 'user.manage');
  const name = parseInput(usernameSchema, username, 'username', ['username']);
  const user = await tx.accounts.findUserByUsername(name);
  if (!user) throw new CommandError({ code: 'NOT_FOUND', message: `no user "${name}"` });
  if (user.disabledAt) throw new CommandError({ code: 'CONFLICT', message: `user "${name}" is disabled: enable the account first` });
  const token = newSecretToken('pr_');
  const at = ctx.now.toISOString();
  const expiresAt = new Date(ctx.now.getTime() + PASSWORD_RESET_LIFETIME_MS).toISOString();
  await tx.resets.insertReset({ id: hashSecretToken(token), userId: user.id, createdAt: at, expiresAt, usedAt: null });
  await tx.log.append({ type: 'accounts.password.reset-issued', actor: ctx.actor.actorId, time: at, subjects: [`actor:${user.actorId}`], data: { actor: user.actorId } });
  return { token, expiresAt };
}
