import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { authorize } from '../../accounts/policies.js';
import { parseInput } from '../../core/parse-input.js';
import type { LogAppender } from '../../ledger/append/log-appender.js';
import type { CommandContext } from '../commands/registry-transaction.js';
import type { TipRow, TipsStore } from './tips-store.js';

export const tipSchema = z.strictObject({
  subject: z.string().trim().min(3, 'must be at least 3 characters').max(200),
  body: z.string().trim().min(10, 'must be at least 10 characters').max(20_000),
  sourceUrl: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  /** How to reach the tipster, if they want to be reached. Sealed: never logged in clear. */
  contact: z.string().trim().max(500).optional(),
});

export interface TipsTransaction {
  readonly tips: TipsStore;
  readonly log: LogAppender;
}

/**
 * Anyone — signed in or not — sends a tip into the moderation queue. The log proves when a tip
 * arrived and commits to its content without revealing it (tips can name people at risk).
 *
 * @example
 * await submitTip({ ctx, tip: { subject: 'New contract', body: 'Agency X bought …', sourceUrl: 'https://…' } }, tx);
 */
export async function submitTip({ ctx, tip }: { ctx: CommandContext; tip: unknown }, tx: TipsTransaction): Promise<TipRow> {
  authorize(ctx.actor, 'tip.submit');
  const input = parseInput(tipSchema, tip, 'tip');
  const row: TipRow = {
    id: randomUUID(), subject: input.subject, body: input.body, sourceUrl: input.sourceUrl ?? null, contact: input.contact ?? null,
    status: 'pending', submittedAt: ctx.now.toISOString(), moderatedBy: null, moderatedAt: null, moderationNote: null,
  };
  await tx.tips.insertTip(row);
  await tx.log.append({
    type: 'tips.tip.submitted',
    actor: ctx.actor.actorId,
    time: row.submittedAt,
    subjects: [`tip:${row.id}`],
    data: { tip: row.id },
    sealed: { subject: row.subject, body: row.body, sourceUrl: row.sourceUrl, contact: row.contact },
  });
  return row;
}
