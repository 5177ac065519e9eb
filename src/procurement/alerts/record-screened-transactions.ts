import { randomUUID } from 'node:crypto';
import { authorize } from '../../accounts/policies.js';
import type { CommandContext } from '../../registry/commands/registry-transaction.js';
import type { ScreenedTransaction } from '../screening/screen-transaction.js';
import type { Alert } from './alert.js';
import type { AlertsTransaction } from './alerts-transaction.js';
import { recordInRegistry } from './record-in-registry.js';

export interface RecordSummary {
  readonly raised: number;
  readonly queued: number;
  /** Already known from an earlier run: screening the same file twice changes nothing. */
  readonly unchanged: number;
}

function originOf(s: ScreenedTransaction): string {
  const o = s.transaction.origin;
  return o.kind === 'file' ? `${o.file}:${o.line}` : o.url;
}

/**
 * Stores what a screening run matched (`countersign screen --save`, the sync job): each confident
 * match becomes contract and transaction records in the registry, linked to the organisation,
 * and raises an alert; each weak match waits in the review queue. One alert per transaction key,
 * so a file screened twice raises nothing new.
 *
 * @example
 * await store.transaction((tx) => recordScreenedTransactions({ ctx, screened, watchlistVersion }, tx));
 */
export async function recordScreenedTransactions(
  { ctx, screened, watchlistVersion }: { ctx: CommandContext; screened: readonly ScreenedTransaction[]; watchlistVersion: string },
  tx: AlertsTransaction,
): Promise<RecordSummary> {
  authorize(ctx.actor, 'screening.save');
  let raised = 0;
  let queued = 0;
  let unchanged = 0;
  const at = ctx.now.toISOString();
  for (const s of screened) {
    if (await tx.alerts.findByTransactionKey(s.transaction.transactionKey)) {
      unchanged += 1;
      continue;
    }
    const status = s.match.decision === 'alert' ? 'raised' : 'pending';
    // A deletion says USAspending withdrew a record: alert on it, but it adds no fact.
    if (status === 'raised' && s.event.event !== 'deletion') await recordInRegistry(tx, ctx, s.transaction, s.match.organizationId, s.event.event);
    const alert: Alert = {
      id: randomUUID(),
      transactionKey: s.transaction.transactionKey,
      awardKey: s.transaction.awardKey,
      piid: s.transaction.piid,
      modification: s.transaction.modification,
      actionDate: s.transaction.actionDate,
      amount: s.transaction.amount,
      organizationId: s.match.organizationId,
      organizationName: s.match.organizationName,
      event: s.event.event,
      decision: s.match.decision,
      score: s.match.score,
      reasons: [...s.match.reasons, s.event.reason],
      status,
      transaction: s.transaction,
      origin: originOf(s),
      watchlistVersion,
      createdAt: at,
      reviewedBy: null,
      reviewedAt: null,
      reviewNote: null,
    };
    await tx.alerts.insert(alert);
    const details = { transactionKey: alert.transactionKey, awardKey: alert.awardKey, organizationId: alert.organizationId, piid: alert.piid, event: alert.event, score: alert.score };
    // A review item may name an unrelated look-alike contractor, so the public log only says one
    // was queued and commits to the details (sealed); confirming it publishes them.
    await tx.log.append(
      status === 'raised'
        ? { type: 'procurement.alert.raised', actor: ctx.actor.actorId, time: at, subjects: [`alert:${alert.id}`, `organization:${alert.organizationId}`, `contract:${alert.piid}`], data: { alert: alert.id, decision: alert.decision, ...details } }
        : { type: 'procurement.review.queued', actor: ctx.actor.actorId, time: at, subjects: [`alert:${alert.id}`], data: { alert: alert.id, decision: alert.decision }, sealed: { match: details } },
    );
    if (status === 'raised') raised += 1;
    else queued += 1;
  }
  return { raised, queued, unchanged };
}
