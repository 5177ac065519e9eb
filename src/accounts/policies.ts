import { CommandError } from '../core/command-error.js';
import type { Actor } from './actor.js';
import { roleAtLeast, type Role } from './roles.js';

/**
 * Who may do what, one line each (least privilege): the public may read and send tips;
 * contributors may also hold API tokens; analysts propose changes and triage tips and alerts;
 * editors accept or reject changes and publish designations; admins manage accounts and imports.
 */
export const POLICIES = {
  'tip.submit': 'public',
  'tip.moderate': 'analyst',
  'token.manage-own': 'contributor',
  'change.propose': 'analyst',
  'change.list': 'analyst',
  'change.review': 'editor',
  'record.verify': 'editor',
  'designation.record': 'editor',
  'designation.delist': 'editor',
  'alert.triage': 'analyst',
  'screening.save': 'analyst',
  'dataset.import': 'admin',
  'user.manage': 'admin',
  'seal.unseal': 'admin',
} as const satisfies Record<string, Role>;
export type Permission = keyof typeof POLICIES;

export function can(actor: Actor, permission: Permission): boolean {
  return roleAtLeast(actor.role, POLICIES[permission]);
}

/**
 * Throws UNAUTHENTICATED for an anonymous actor and FORBIDDEN for a signed-in one whose role is
 * too low, so the HTTP layer answers 401 or 403.
 */
export function authorize(actor: Actor, permission: Permission): void {
  if (can(actor, permission)) return;
  if (actor.kind === 'anonymous') throw new CommandError({ code: 'UNAUTHENTICATED', message: `sign in to ${permission.replace('.', ' ')}` });
  throw new CommandError({ code: 'FORBIDDEN', message: `role ${actor.role} may not ${permission.replace('.', ' ')} (needs ${POLICIES[permission]})` });
}
