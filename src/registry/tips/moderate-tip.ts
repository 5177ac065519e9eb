import { z } from 'zod';
import type { CommandContext } from '../../accounts/command-context.js';
import { parseInput } from '../../core/parse-input.js';
import { transition } from '../../kernel/workflow/transition.js';
import { tipWorkflow, type TipsTransaction } from './tip-workflow.js';
import type { TipRow } from './tips-store.js';

const moderationSchema = z.strictObject({
  decision: z.enum(['accepted', 'dismissed']),
  note: z.string().trim().max(2000).optional(),
});

/**
 * An analyst takes a tip out of the queue: `accepted` (worth a proposed change) or `dismissed`.
 * Of two analysts deciding the same tip at once, one wins; the other gets 409.
 */
export async function moderateTip({ ctx, tipId, moderation }: { ctx: CommandContext; tipId: string; moderation: unknown }, tx: TipsTransaction): Promise<TipRow> {
  const input = parseInput(moderationSchema, moderation, 'moderation');
  const action = input.decision === 'accepted' ? 'accept' : 'dismiss';
  return (await transition({ ctx, workflow: tipWorkflow, id: tipId, action, input: input.note ? { note: input.note } : {} }, tx)).case;
}
