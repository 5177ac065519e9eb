import type { CommandContext } from '../../accounts/command-context.js';
import { authorizePolicy } from '../../accounts/policies.js';
import { atLeast } from '../../accounts/policy.js';
import { CommandError } from '../../core/command-error.js';
import type { UsesTransaction } from '../uses/uses-transaction.js';
import { parseOffenceCategories, type OffenceCategory } from './offence-categories.js';

/**
 * Replaces the configured serious-crime categories (an operator's list: a state's wiretap
 * statute instead of 18 U.S.C. § 2516). Logged whole, so anyone can see which crimes could be
 * named when; authorisations already granted keep the category, label and statute their entry
 * carries.
 *
 * @example
 * await store.transaction((tx) => configureOffenceCategories({ ctx, categories: JSON.parse(text) }, tx));
 */
export async function configureOffenceCategories({ ctx, categories }: { ctx: CommandContext; categories: unknown }, tx: UsesTransaction): Promise<readonly OffenceCategory[]> {
  authorizePolicy(ctx.actor, 'configure the offence categories', atLeast('admin'));
  let list: readonly OffenceCategory[];
  try {
    list = parseOffenceCategories(categories);
  } catch (error) {
    throw new CommandError({ code: 'INVALID_INPUT', message: `not a list of offence categories: ${error instanceof Error ? error.message : String(error)}`, cause: error });
  }
  await tx.uses.replaceOffenceCategories(list);
  await tx.log.append({ type: 'oversight.offence-categories.configured', actor: ctx.actor.actorId, time: ctx.now.toISOString(), subjects: ['offence-categories'], data: { categories: list.map((c) => ({ ...c })) } });
  return list;
}
