import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { CommandContext } from '../../accounts/command-context.js';
import { authorize } from '../../accounts/policies.js';
import { openCase } from '../../kernel/workflow/transition.js';
import type { ContractTransaction } from '../contract-transaction.js';
import type { ScreenedTransaction } from '../screening/screen-transaction.js';
import type { Alert } from './alert.js';
import { withoutServerPath } from './alert-event-data.js';
import { alertWorkflow } from './alert-workflow.js';
import type { AlertsTransaction } from './alerts-transaction.js';
import { awardKeyConflict } from './award-key-conflict.js';

export interface RecordSummary {
  readonly raised: number;
  readonly queued: number;
  /** Already known from an earlier run: screening the same file twice changes nothing. */
  readonly unchanged: number;
}

/** Where it was found, as the public may see it: the file's name and line (never its path on the server), or the API URL. */
function originOf(s: ScreenedTransaction): string {
  const o = s.transaction.origin;
  return o.kind === 'file' ? `${basename(o.file.replace(/\\/g, '/'))}:${o.line}` : o.url;
}

/** The transaction with its file's SHA-256 in its origin, when known. */
function withDigest(transaction: ContractTransaction, digests: ReadonlyMap<string, string> | undefined): ContractTransaction {
  const origin = transaction.origin;
  const sha256 = origin.kind === 'file' ? digests?.get(origin.file) : undefined;
  return origin.kind === 'file' && sha256 !== undefined ? { ...transaction, origin: { ...origin, sha256 } } : transaction;
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
  { ctx, screened, watchlistVersion, fileDigests }: {
    ctx: CommandContext;
    screened: readonly ScreenedTransaction[];
    watchlistVersion: string;
    /** SHA-256 of each screened file, by the path its rows name: the registry cites the file by it. */
    fileDigests?: ReadonlyMap<string, string>;
  },
  tx: AlertsTransaction,
): Promise<RecordSummary> {
  authorize(ctx.actor, 'screening.save');
  let raised = 0;
  let queued = 0;
  let unchanged = 0;
  const at = ctx.now.toISOString();
  for (const s of screened) {
    if (await tx.alerts.existsForTransaction(s.transaction.transactionKey)) {
      unchanged += 1;
      continue;
    }
    // A confident match whose award key the registry already gives another contract waits for a person.
    const conflict = s.match.decision === 'alert' ? await awardKeyConflict(tx, s.transaction) : null;
    const raise = s.match.decision === 'alert' && conflict === null;
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
      reasons: [...s.match.reasons, s.event.reason, ...(conflict ? [`award key ${s.transaction.awardKey} already belongs to contract ${conflict} in the registry: held for review`] : [])],
      status: raise ? 'raised' : 'pending',
      transaction: withoutServerPath(withDigest(s.transaction, fileDigests)),
      origin: originOf(s),
      watchlistVersion,
      createdAt: at,
      reviewedBy: null,
      reviewedAt: null,
      reviewNote: null,
    };
    await openCase({ ctx, workflow: alertWorkflow, via: raise ? 'raise' : 'queue', input: { alert } }, tx);
    if (raise) raised += 1;
    else queued += 1;
  }
  return { raised, queued, unchanged };
}
