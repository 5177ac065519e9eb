import { ANONYMOUS } from '../../accounts/actor.js';
import type { CommandContext } from '../../accounts/command-context.js';
import { hashSecretToken, newSecretToken } from '../../accounts/secret-token.js';
import { CommandError } from '../../core/command-error.js';
import { parseInput } from '../../core/parse-input.js';
import { openCase, transition } from '../../kernel/workflow/transition.js';
import type { RemedyTransaction } from '../remedy-transaction.js';
import type { ComplaintRow } from './complaint-store.js';
import { complaintSchema, complaintWorkflow } from './complaint-workflow.js';

/** A status token's shape: `r_` and 43 base64url characters (256 bits). */
export const STATUS_TOKEN = /^r_[A-Za-z0-9_-]{43}$/;

/**
 * Anyone files a complaint — as anonymous, even when signed in, so the log's actor field does
 * not name them. The complainant gets a status token, the only key to the private status page;
 * only its hash is stored.
 *
 * @example
 * const { complaint, token } = await submitComplaint({ ctx, complaint: { body: 'pclob', account: 'My phone …' } }, tx);
 */
export async function submitComplaint({ ctx, complaint }: { ctx: CommandContext; complaint: unknown }, tx: RemedyTransaction): Promise<{ complaint: ComplaintRow; token: string }> {
  const input = parseInput(complaintSchema, complaint, 'complaint');
  const token = newSecretToken('r_');
  const opened = await openCase({ ctx: { ...ctx, actor: ANONYMOUS }, workflow: complaintWorkflow, via: 'submit', input: { ...input, receiptHash: hashSecretToken(token) } }, tx);
  return { complaint: opened.case, token };
}

/** The complaint a status token opens, or 404 (a malformed token is treated as unknown). */
export async function complaintByToken(token: string, tx: Pick<RemedyTransaction, 'remedy'>): Promise<ComplaintRow> {
  const found = STATUS_TOKEN.test(token) ? await tx.remedy.complaints.findComplaintByReceipt(hashSecretToken(token)) : null;
  if (!found) throw new CommandError({ code: 'NOT_FOUND', message: 'There is no complaint with this status link.' });
  return found;
}

/** The complainant's steps through the private link (consent, erase): run as anonymous, proven by the token. */
export async function complainantStep({ ctx, token, action }: { ctx: CommandContext; token: string; action: 'consent' | 'erase' }, tx: RemedyTransaction): Promise<ComplaintRow> {
  const complaint = await complaintByToken(token, tx);
  return (await transition({ ctx: { ...ctx, actor: ANONYMOUS }, workflow: complaintWorkflow, id: complaint.id, action, input: { receiptHash: hashSecretToken(token) } }, tx)).case;
}

/** A handler's (or admin's) step on a complaint: route, review, close, link, erase. */
export async function handleComplaint({ ctx, id, action, input }: { ctx: CommandContext; id: string; action: 'route' | 'review' | 'close' | 'link' | 'erase'; input: unknown }, tx: RemedyTransaction): Promise<ComplaintRow> {
  const current = await tx.remedy.complaints.findComplaint(id);
  // Who may not see a complaint is told it does not exist.
  if (!current || !complaintWorkflow.readableBy(ctx.actor, current)) throw new CommandError({ code: 'NOT_FOUND', message: `no complaint "${id}"` });
  return (await transition({ ctx, workflow: complaintWorkflow, id, action, input }, tx)).case;
}
