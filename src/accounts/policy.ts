import type { Actor } from './actor.js';
import { roleAtLeast, type Role } from './roles.js';
import type { Scope, ScopedRole } from './scoped-roles.js';

/**
 * What an action is done to, as policies see it: the scopes it belongs to (the agency of a
 * review, the board of a docket, the vendor of a report) and the user it belongs to, if any
 * (a requester's own request).
 */
export interface Resource {
  readonly scopes: readonly Scope[];
  readonly ownerUserId?: string | null;
}

/**
 * A rule over (actor, resource), with the words the API documentation shows for it.
 * Policies stay one line each: `either(atLeast('admin'), scoped('officer'))`.
 */
export interface Policy {
  readonly describe: string;
  allows(actor: Actor, resource: Resource | undefined): boolean;
}

/** Anyone, signed in or not. */
export const anyone: Policy = { describe: 'anyone', allows: () => true };

/** Nobody through the API: the system itself (the tick, a subscriber). */
export const systemOnly: Policy = { describe: 'Countersign itself', allows: (actor) => actor.kind === 'system' };

/** A global role or above. */
export function atLeast(role: Role): Policy {
  return { describe: role === 'public' ? 'anyone' : `role ${role} or above`, allows: (actor) => roleAtLeast(actor.role, role) };
}

/** A scoped role held for one of the resource's scopes (an officer of *this* agency). */
export function scoped(role: ScopedRole): Policy {
  return {
    describe: `${role} of the case's ${role === 'board-member' || role === 'board-clerk' ? 'board' : role === 'vendor-representative' ? 'vendor' : role === 'complaint-handler' ? 'oversight body' : 'agency'}`,
    allows: (actor, resource) => resource !== undefined && actor.grants.some((g) => g.role === role && resource.scopes.some((s) => s.kind === g.scope.kind && s.id === g.scope.id)),
  };
}

/** The user the resource belongs to (a requester, a complainant with an account). */
export const owner: Policy = {
  describe: 'its owner',
  allows: (actor, resource) => actor.userId !== null && resource?.ownerUserId !== undefined && resource.ownerUserId === actor.userId,
};

/** Any of several policies. */
export function either(...policies: readonly Policy[]): Policy {
  return { describe: policies.map((p) => p.describe).join(', or '), allows: (actor, resource) => policies.some((p) => p.allows(actor, resource)) };
}
