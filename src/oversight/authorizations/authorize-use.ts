import type { CommandContext } from '../../accounts/command-context.js';
import { CommandError } from '../../core/command-error.js';
import { parseInput } from '../../core/parse-input.js';
import { openCase } from '../../kernel/workflow/transition.js';
import type { UsesTransaction } from '../uses/uses-transaction.js';
import { authorizationRequestSchema } from './authorization-input.js';
import type { Authorization } from './authorization.js';
import { authorizationWorkflow } from './authorization-workflow.js';

/**
 * Records an authorisation of use (`POST /api/v1/authorizations`): the agency is the review's; the
 * workflow checks the officer, the serious-crime category, the approval and the notice clock.
 *
 * @example
 * const a = await store.transaction((tx) => authorizeUse({ ctx, request: { review, offenceCategory: 'drug-offences', … } }, tx));
 */
export async function authorizeUse({ ctx, request }: { ctx: CommandContext; request: unknown }, tx: UsesTransaction): Promise<Authorization> {
  const parsed = parseInput(authorizationRequestSchema, request, 'authorisation');
  const approval = await tx.uses.approval(parsed.review);
  if (!approval) throw new CommandError({ code: 'NOT_FOUND', message: `no acquisition review "${parsed.review}"`, issues: [{ path: 'review', message: 'no such review' }] });
  const { case: created, entryId } = await openCase({ ctx, workflow: authorizationWorkflow, via: 'grant', input: { ...parsed, agency: approval.agency } }, tx);
  await tx.uses.updateAuthorization(created.id, { entryId });
  return { ...created, entryId };
}

/** Resolves what a use or a form cites — an authorisation id, or `log:INDEX` / a bare leaf index of its entry — to the authorisation, if any. */
export async function citedAuthorization(tx: UsesTransaction, cited: string): Promise<Authorization | null> {
  const index = /^(?:log:)?(\d{1,15})$/.exec(cited.trim());
  if (index?.[1] !== undefined) return tx.uses.authorizationAtIndex(BigInt(index[1]));
  return tx.uses.authorization(cited.trim());
}
