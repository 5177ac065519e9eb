import { z } from 'zod';
import { defineEvent } from '../ledger/catalogue/event-definition.js';
import { USER_ROLES } from './roles.js';
import { SCOPED_ROLES } from './scoped-roles.js';

const actorId = z.string().min(1).max(100);
const scopedRole = z.enum(Object.keys(SCOPED_ROLES) as [keyof typeof SCOPED_ROLES, ...(keyof typeof SCOPED_ROLES)[]]);
const grantData = z.strictObject({ grant: z.uuid(), actor: actorId, role: scopedRole, scope: z.string().min(3).max(220) });

/**
 * Account entries: who holds which role, by pseudonymous actor id — never a username. They
 * change no public registry state, so they do not replay.
 */
export const accountEvents = [
  defineEvent({ type: 'accounts.user.added', summary: 'An account was created with a global role.', data: z.strictObject({ actor: actorId, role: z.enum(USER_ROLES) }), sealed: [] }),
  defineEvent({ type: 'accounts.user.changed', summary: "An account's global role changed, or it was disabled or enabled.", data: z.strictObject({ actor: actorId, role: z.enum(USER_ROLES), disabled: z.boolean() }), sealed: [] }),
  defineEvent({ type: 'accounts.token.created', summary: 'An API token was issued (its secret is never logged).', data: z.strictObject({ token: z.uuid() }), sealed: [] }),
  defineEvent({ type: 'accounts.token.revoked', summary: 'An API token was revoked.', data: z.strictObject({ token: z.uuid() }), sealed: [] }),
  defineEvent({ type: 'accounts.password.changed', summary: "An account's password was changed by its holder, or set through a reset link; its sessions ended.", data: z.strictObject({ actor: actorId, how: z.enum(['changed', 'reset']) }), sealed: [] }),
  defineEvent({ type: 'accounts.password.reset-issued', summary: 'An admin issued a single-use password reset link for an account (the link is never logged).', data: z.strictObject({ actor: actorId }), sealed: [] }),
  defineEvent({ type: 'accounts.grant.added', summary: 'A scoped role was granted: this actor may act for this agency, board, vendor or body.', data: grantData, sealed: [] }),
  defineEvent({ type: 'accounts.grant.revoked', summary: 'A scoped role was revoked.', data: grantData, sealed: [] }),
];
