import { authorize } from '../../accounts/policies.js';
import { CommandError } from '../../core/command-error.js';
import type { CommandContext } from '../../registry/commands/registry-transaction.js';
import type { Alert } from './alert.js';
import type { AlertsTransaction } from './alerts-transaction.js';
import { recordInRegistry } from './record-in-registry.js';

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
  authorize(ctx.actor, 'alert.triage');
  const alert = await tx.alerts.get(alertId);
  if (!alert) throw new CommandError({ code: 'NOT_FOUND', message: `no alert "${alertId}"` });
  if (alert.status !== 'pending') throw new CommandError({ code: 'CONFLICT', message: `alert "${alertId}" is ${alert.status}, not waiting for review` });
  if (decision === 'confirm' && alert.event !== 'deletion') await recordInRegistry(tx, ctx, alert.transaction, alert.organizationId, alert.event);
  const patch = { status: decision === 'confirm' ? ('confirmed' as const) : ('dismissed' as const), reviewedBy: ctx.actor.actorId, reviewedAt: ctx.now.toISOString(), reviewNote: note ?? null };
  await tx.alerts.review(alertId, patch);
  // A confirmed match is public from now on; a dismissed one stays sealed (it was a look-alike).
  await tx.log.append(
    patch.status === 'confirmed'
      ? { type: 'procurement.review.confirmed', actor: ctx.actor.actorId, time: patch.reviewedAt, subjects: [`alert:${alertId}`, `organization:${alert.organizationId}`, `contract:${alert.piid}`], data: { alert: alertId, transactionKey: alert.transactionKey, organizationId: alert.organizationId, piid: alert.piid, event: alert.event } }
      : { type: 'procurement.review.dismissed', actor: ctx.actor.actorId, time: patch.reviewedAt, subjects: [`alert:${alertId}`], data: { alert: alertId } },
  );
  return { ...alert, ...patch };
}
