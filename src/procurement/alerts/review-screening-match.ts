import type { CommandContext } from '../../accounts/command-context.js';
import { transition } from '../../kernel/workflow/transition.js';
import type { Alert } from './alert.js';
import { alertWorkflow } from './alert-workflow.js';
import type { AlertsTransaction } from './alerts-transaction.js';

/**
 * An analyst decides a review-queue item: `confirm` records it in the registry like an alert
 * (the match was right), `dismiss` drops it (a look-alike contractor). Both are logged.
 *
 * @example
 * await reviewScreeningMatch({ ctx, alertId, decision: 'dismiss', note: 'Paragon Systems is a guard contractor' }, tx);
 */
export async function reviewScreeningMatch(
  { ctx, alertId, decision, note }: { ctx: CommandContext; alertId: string; decision: 'confirm' | 'dismiss'; note?: string | undefined },
  tx: AlertsTransaction,
): Promise<Alert> {
  return (await transition({ ctx, workflow: alertWorkflow, id: alertId, action: decision, input: note ? { note } : {} }, tx)).case;
}
