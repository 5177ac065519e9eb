import { z } from 'zod';
import { grantRole, revokeRole, type ScopeResolver } from '../../../accounts/commands/grant-role.js';
import { SCOPE_KINDS, SCOPED_ROLES } from '../../../accounts/scoped-roles.js';
import type { Store, StoreTransaction } from '../../../store/store.js';
import type { ApiRouter } from '../api-router.js';
import { runCommand } from '../command-runner.js';

const grantBody = z.strictObject({
  username: z.string().max(100),
  role: z.enum(Object.keys(SCOPED_ROLES) as [keyof typeof SCOPED_ROLES, ...(keyof typeof SCOPED_ROLES)[]]),
  scope: z.string().max(220).describe(`KIND:ID, KIND one of ${SCOPE_KINDS.join(', ')}`),
});
const grantPresenter = z.object({ id: z.uuid(), role: z.string(), scope: z.object({ kind: z.enum(SCOPE_KINDS), id: z.string() }), grantedAt: z.string(), revokedAt: z.string().nullable() });

/** Scoped roles through the API (admins): what `countersign user grant/revoke` does. */
export function addGrantRoutes(router: ApiRouter, store: Store, now: () => Date, scopeExists: ScopeResolver<StoreTransaction>): void {
  router.add(
    { method: 'post', path: '/grants', operationId: 'grantRole', summary: 'Grant a scoped role: an officer of one agency, a member of one board (admins; logged)', tag: 'accounts', body: grantBody, permission: 'grant.manage', responses: { 201: { description: 'The grant', schema: grantPresenter } } },
    async (c, { body, reply }) => reply(await runCommand(store, now, c, (ctx, tx) => grantRole({ ctx, grant: body, scopeExists }, tx)), 201),
  );
  router.add(
    { method: 'post', path: '/grants/revoke', operationId: 'revokeRole', summary: 'Revoke a scoped role (admins; logged)', tag: 'accounts', body: grantBody, permission: 'grant.manage', responses: { 200: { description: 'The revoked grant', schema: grantPresenter } } },
    async (c, { body, reply }) => reply(await runCommand(store, now, c, (ctx, tx) => revokeRole({ ctx, grant: body }, tx))),
  );
}
