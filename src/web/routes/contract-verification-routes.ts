import type { Hono } from 'hono';
import { authorize } from '../../accounts/policies.js';
import { CommandError } from '../../core/command-error.js';
import { verifyRecord } from '../../registry/commands/verify-record.js';
import { piidSchema } from '../../registry/schemas/contract.js';
import { runCommand } from '../../server/api/command-runner.js';
import type { AppEnv } from '../../server/app-env.js';
import { readContracts } from '../../store/registry/queries/read-contracts.js';
import type { PortalDependencies } from '../portal-dependencies.js';
import { formFields, found } from './page-response.js';

/**
 * Editors verify a contract's reported facts from its page — the contract or one of its
 * transactions — through a plain form (303 back to the page). Screened rows stay reported until
 * then (issue #13). The command checks the role again and logs the status change.
 *
 * @example
 * addContractVerificationRoutes(app, { store, now });
 */
export function addContractVerificationRoutes(app: Hono<AppEnv>, { store, now = () => new Date() }: PortalDependencies): void {
  app.post('/contracts/:piid/verify', async (c) => {
    authorize(c.get('auth').actor, 'record.verify');
    const piid = c.req.param('piid');
    const fields = await formFields(c);
    const recordType = fields['recordType'] === 'contract' || fields['recordType'] === 'transaction' ? fields['recordType'] : null;
    const id = fields['id'] ?? '';
    const view = found(piidSchema.safeParse(piid).success ? (await readContracts(store.db, [piid]))[0] : null, 'contract with this PIID');
    const belongs = recordType === 'contract' ? id === piid : recordType === 'transaction' && view.transactions.some((t) => t.id === id);
    if (!belongs || recordType === null) throw new CommandError({ code: 'NOT_FOUND', message: 'This contract has no such fact to verify.', issues: [{ path: 'id', message: 'not a fact of this contract' }] });
    await runCommand(store, now, c, (ctx, tx) => verifyRecord({ ctx, recordType, id, status: 'verified' }, tx));
    return c.redirect(`/contracts/${encodeURIComponent(piid)}#unverified-heading`, 303);
  });
}
