import { CommandError } from '../core/command-error.js';
import type { Actor } from './actor.js';
import { anyone, atLeast, systemOnly, type Policy, type Resource } from './policy.js';

/**
 * Who may do what in the registry and the accounts, one line each (least privilege): the public
 * may read and send tips; contributors may also hold API tokens; analysts propose changes and
 * triage tips and alerts; editors accept or reject changes and publish designations; admins
 * manage accounts and imports. Workflow modules keep their own tables of the same shape, with
 * scoped rules (`scoped('officer')`: an officer of *this* agency).
 */
export const POLICIES = {
  'tip.submit': anyone,
  'tip.moderate': atLeast('analyst'),
  'token.manage-own': atLeast('contributor'),
  'change.propose': atLeast('analyst'),
  'change.list': atLeast('analyst'),
  'change.review': atLeast('editor'),
  'record.verify': atLeast('editor'),
  'designation.record': atLeast('editor'),
  'designation.delist': atLeast('editor'),
  'alert.triage': atLeast('analyst'),
  'screening.save': atLeast('analyst'),
  'dataset.import': atLeast('admin'),
  'user.manage': atLeast('admin'),
  'grant.manage': atLeast('admin'),
  'seal.unseal': atLeast('admin'),
  'deadline.tick': systemOnly,
} as const satisfies Record<string, Policy>;
export type Permission = keyof typeof POLICIES;

export function can(actor: Actor, permission: Permission, resource?: Resource): boolean {
  return POLICIES[permission].allows(actor, resource);
}

/**
 * Throws UNAUTHENTICATED for an anonymous actor and FORBIDDEN for a signed-in one the policy
 * refuses, so the HTTP layer answers 401 or 403. `action` names what was refused.
 *
 * @example
 * authorizePolicy(ctx.actor, 'decide the review', scoped('certifying-official'), { scopes: [{ kind: 'agency', id: review.agency }] });
 */
export function authorizePolicy(actor: Actor, action: string, policy: Policy, resource?: Resource): void {
  if (policy.allows(actor, resource)) return;
  if (actor.kind === 'anonymous') throw new CommandError({ code: 'UNAUTHENTICATED', message: `sign in to ${action}` });
  throw new CommandError({ code: 'FORBIDDEN', message: `you may not ${action} (allowed: ${policy.describe})` });
}

/** `authorizePolicy` for a line of the table above. */
export function authorize(actor: Actor, permission: Permission, resource?: Resource): void {
  authorizePolicy(actor, permission.replace('.', ' '), POLICIES[permission], resource);
}
