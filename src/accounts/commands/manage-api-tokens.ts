import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CommandError } from '../../core/command-error.js';
import { parseInput } from '../../core/parse-input.js';
import type { CommandContext } from '../command-context.js';
import type { ApiTokenRow } from '../accounts-store.js';
import { authorize } from '../policies.js';
import { hashSecretToken, newSecretToken } from '../secret-token.js';
import type { AccountsTransaction } from './accounts-transaction.js';

const tokenNameSchema = z.string().trim().min(1).max(100);

/**
 * Issues an API token for scripts, acting as its owner with the owner's role. The token is shown
 * once; only its hash is kept.
 *
 * @example
 * const { token } = await createApiToken({ ctx, name: 'nightly sync' }, tx); // 'cs_…'
 */
export async function createApiToken({ ctx, name }: { ctx: CommandContext; name: unknown }, tx: AccountsTransaction): Promise<{ token: string; row: ApiTokenRow }> {
  authorize(ctx.actor, 'token.manage-own');
  const userId = ctx.actor.userId;
  if (!userId) throw new CommandError({ code: 'FORBIDDEN', message: 'only user accounts hold API tokens' });
  const token = newSecretToken('cs_');
  const at = ctx.now.toISOString();
  const row: ApiTokenRow = { id: randomUUID(), userId, name: parseInput(tokenNameSchema, name, 'token name', ['name']), tokenHash: hashSecretToken(token), createdAt: at, lastUsedAt: null, revokedAt: null };
  await tx.accounts.insertApiToken(row);
  await tx.log.append({ type: 'accounts.token.created', actor: ctx.actor.actorId, time: at, subjects: [`token:${row.id}`], data: { token: row.id } });
  return { token, row };
}

/** Revokes one of the caller's tokens (admins may revoke anyone's). */
export async function revokeApiToken({ ctx, tokenId }: { ctx: CommandContext; tokenId: string }, tx: AccountsTransaction): Promise<void> {
  authorize(ctx.actor, 'token.manage-own');
  const userId = ctx.actor.userId;
  const tokens = userId ? await tx.accounts.listApiTokens(userId) : [];
  // An admin may revoke anyone's token, but only one that exists: an unknown id is a 404 and no log entry.
  const token = tokens.find((t) => t.id === tokenId) ?? (ctx.actor.role === 'admin' ? await tx.accounts.findApiTokenById(tokenId) : null);
  if (!token) throw new CommandError({ code: 'NOT_FOUND', message: `no token "${tokenId}" of yours` });
  const at = ctx.now.toISOString();
  await tx.accounts.updateApiToken(tokenId, { revokedAt: at });
  await tx.log.append({ type: 'accounts.token.revoked', actor: ctx.actor.actorId, time: at, subjects: [`token:${tokenId}`], data: { token: tokenId } });
}
