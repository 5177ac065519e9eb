import type { Role } from './roles.js';

/**
 * Who is acting. `actorId` is what the transparency log records: a pseudonymous id, never the
 * username, so the public log shows that the same editor acted without saying who.
 */
export interface Actor {
  readonly kind: 'user' | 'anonymous' | 'system';
  /** The user's id, for users. */
  readonly userId: string | null;
  readonly actorId: string;
  readonly role: Role;
}

export const ANONYMOUS: Actor = { kind: 'anonymous', userId: null, actorId: 'anonymous', role: 'public' };

/** Countersign itself: loading the bundled dataset, scheduled screening. */
export const SYSTEM: Actor = { kind: 'system', userId: null, actorId: 'system', role: 'admin' };
