import { z } from 'zod';
import { authorize } from '../../accounts/policies.js';
import { CommandError } from '../../core/command-error.js';
import { parseInput } from '../../core/parse-input.js';
import type { CommandContext } from '../commands/registry-transaction.js';
import type { TipsTransaction } from './submit-tip.js';
import type { TipRow } from './tips-store.js';

const moderationSchema = z.strictObject({
  decision: z.enum(['accepted', 'dismissed']),
  note: z.string().trim().max(2000).optional(),
});

/**
 * An analyst takes a tip out of the queue: `accepted` (worth a proposed change) or `dismissed`.
 */
export async function moderateTip({ ctx, tipId, moderation }: { ctx: CommandContext; tipId: string; moderation: unknown }, tx: TipsTransaction): Promise<TipRow> {
  authorize(ctx.actor, 'tip.moderate');
  const input = parseInput(moderationSchema, moderation, 'moderation');
  const tip = await tx.tips.findTip(tipId);
  if (!tip) throw new CommandError({ code: 'NOT_FOUND', message: `no tip "${tipId}"` });
  if (tip.status !== 'pending') throw new CommandError({ code: 'CONFLICT', message: `tip "${tipId}" was already ${tip.status}` });
  const patch = { status: input.decision, moderatedBy: ctx.actor.actorId, moderatedAt: ctx.now.toISOString(), moderationNote: input.note ?? null };
  await tx.tips.updateTip(tipId, patch);
  await tx.log.append({ type: 'tips.tip.moderated', actor: ctx.actor.actorId, time: patch.moderatedAt, subjects: [`tip:${tipId}`], data: { tip: tipId, decision: input.decision } });
  return { ...tip, ...patch };
}
