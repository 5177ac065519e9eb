import type { Actor } from '../../src/accounts/actor.js';
import { SYSTEM } from '../../src/accounts/actor.js';
import type { Role } from '../../src/accounts/roles.js';
import type { CommandContext } from '../../src/registry/commands/registry-transaction.js';

/** A signed-in actor with a role, for command tests. */
export function actorWithRole(role: Role, name: string = role): Actor {
  return { kind: role === 'public' ? 'anonymous' : 'user', userId: role === 'public' ? null : `user-${name}`, actorId: role === 'public' ? 'anonymous' : `actor-${name}`, role, grants: [] };
}

export function contextFor(actor: Actor, now = new Date('2026-11-23T10:00:00.000Z')): CommandContext {
  return { actor, now };
}

export const SYSTEM_CONTEXT: CommandContext = contextFor(SYSTEM);
