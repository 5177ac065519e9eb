import { CommandError } from '../../core/command-error.js';
import { parseInput } from '../../core/parse-input.js';
import type { CommandContext } from '../command-context.js';
import type { UserRow } from '../accounts-store.js';
import { authorize } from '../policies.js';
import { userRoleSchema, usernameSchema } from '../user-input.js';
import type { AccountsTransaction } from './accounts-transaction.js';

/**
 * Changes a user's role, or disables the account (`disabled: true` ends its sessions and tokens
 * at once). Admins only; an admin cannot demote or disable themselves, so there is always one.
 */
export async function setUserRole(
  { ctx, username, role, disabled }: { ctx: CommandContext; username: unknown; role?: unknown; disabled?: boolean },
  tx: AccountsTransaction,
): Promise<UserRow> {
  authorize(ctx.actor, 'user.manage');
  const name = parseInput(usernameSchema, username, 'username', ['username']);
  const user = await tx.accounts.findUserByUsername(name);
  if (!user) throw new CommandError({ code: 'NOT_FOUND', message: `no user "${name}"` });
  if (user.id === ctx.actor.userId) throw new CommandError({ code: 'CONFLICT', message: 'admins cannot change their own role or disable themselves' });
  const newRole = role === undefined ? user.role : parseInput(userRoleSchema, role, 'role', ['role']);
  const at = ctx.now.toISOString();
  const disabledAt = disabled === undefined ? user.disabledAt : disabled ? at : null;
  await tx.accounts.updateUser(user.id, { role: newRole, disabledAt });
  if (disabledAt) await tx.accounts.deleteSessionsOf(user.id);
  await tx.log.append({
    type: 'accounts.user.changed',
    actor: ctx.actor.actorId,
    time: at,
    subjects: [`actor:${user.actorId}`],
    data: { actor: user.actorId, role: newRole, disabled: disabledAt !== null },
  });
  return { ...user, role: newRole, disabledAt };
}
