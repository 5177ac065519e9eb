import type { CommandContext } from '../../accounts/command-context.js';
import { hashSecretToken, newSecretToken } from '../../accounts/secret-token.js';
import { parseInput } from '../../core/parse-input.js';
import { openCase } from '../../kernel/workflow/transition.js';
import { tipSchema, tipWorkflow, type TipsTransaction } from './tip-workflow.js';
import type { TipRow } from './tips-store.js';

export { tipSchema, type TipsTransaction };

/**
 * Anyone — signed in or not — sends a tip into the moderation queue. The log proves when a tip
 * arrived and commits to its content without revealing it (tips can name people at risk). The
 * tipster gets a receipt token, the only key to the receipt page; only its hash is stored.
 *
 * @example
 * const { tip, receipt } = await submitTip({ ctx, tip: { subject: 'New contract', body: 'Agency X bought …', sourceUrl: 'https://…' } }, tx);
 */
export async function submitTip({ ctx, tip }: { ctx: CommandContext; tip: unknown }, tx: TipsTransaction): Promise<{ tip: TipRow; receipt: string }> {
  const input = parseInput(tipSchema, tip, 'tip');
  const receipt = newSecretToken('r_');
  const opened = await openCase({ ctx, workflow: tipWorkflow, via: 'submit', input: { ...input, receiptHash: hashSecretToken(receipt) } }, tx);
  return { tip: opened.case, receipt };
}
