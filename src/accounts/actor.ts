import type { Role } from './roles.js';
import type { Grant } from './scoped-roles.js';

/**
 * Who is acting. `actorId` is what the transparency log records: a pseudonymous id, never the
 * username, so the public log shows that the same editor acted without saying who. `grants` are
 * the scoped roles the user holds (an officer of one agency), beside the global `role`.
 */
export interface Actor {
  readonly kind: 'user' | 'anonymous' | 'system';
  /** The user's id, for users. */
  readonly userId: string | null;
  readonly actorId: string;
  readonly role: Role;
  readonly grants: readonly Grant[];
}

export const ANONYMOUS: Actor = { kind: 'anonymous', userId: null, actorId: 'anonymous', role: 'public', grants: [] };

/** Countersign itself: loading the bundled dataset, scheduled screening, the deadline tick. */
export const SYSTEM: Actor = { kind: 'system', userId: null, actorId: 'system', role: 'admin', grants: [] };
