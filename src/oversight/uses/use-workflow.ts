import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { scoped } from '../../accounts/policy.js';
import { CommandError } from '../../core/command-error.js';
import { stepsFor, type Workflow } from '../../kernel/workflow/workflow.js';
import { dataCategoryListSchema } from '../authorizations/data-categories.js';
import { citedAuthorization } from '../authorizations/authorize-use.js';
import type { Finding } from './use.js';
import { useFlags } from './use-findings.js';
import type { UseRow } from './uses-store.js';
import type { UsesTransaction } from './uses-transaction.js';

/** What `POST /api/v1/uses` takes: the authorisation cited (id or log receipt index), what was collected, when. */
export const useRequestSchema = z.strictObject({
  authorization: z.string().trim().min(1).max(200),
  dataCategories: dataCategoryListSchema,
  occurredAt: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
  /** Needed only when the cited authorisation is not on record (the use is recorded anyway, as a finding). */
  agency: z.string().trim().min(1).max(200).optional(),
});

const openingInput = z.strictObject({ agency: z.string().min(1), authorization: z.string().min(1), dataCategories: dataCategoryListSchema });
const step = stepsFor<UseRow, UsesTransaction>();

/**
 * Uses as cases of their own: recorded by an officer of the agency, never refused for breaking
 * the rules — a use outside its window, beyond its scope, under a suspended approval, before the
 * notice clock or without an authorisation on record is recorded and each breach becomes a public
 * finding in the same entry.
 */
export const useWorkflow: Workflow<UseRow, UsesTransaction> = {
  caseType: 'use',
  idField: 'use',
  label: 'use',
  states: { recorded: { label: 'Recorded', terminal: true } },
  load: (tx, id) => tx.uses.use(id),
  stateOf: () => 'recorded',
  resourceOf: (u) => ({ scopes: [{ kind: 'agency', id: u.agency }] }),
  readableBy: () => true,
  openings: {
    record: step.opening({
      label: 'Record a use',
      event: 'oversight.use.recorded',
      to: 'recorded',
      policy: scoped('officer'),
      input: openingInput,
      backdate: true,
      resourceOf: (input) => ({ scopes: [{ kind: 'agency', id: input.agency }] }),
      async create({ ctx, input, occurredAt, tx }) {
        const authorization = await citedAuthorization(tx, input.authorization);
        if (authorization && authorization.agency !== input.agency) throw new CommandError({ code: 'FORBIDDEN', message: `authorisation ${authorization.id} belongs to ${authorization.agency}, not ${input.agency}` });
        const approval = authorization ? await tx.uses.approval(authorization.review) : null;
        const flags = useFlags({ occurredAt, dataCategories: input.dataCategories, cited: input.authorization }, authorization, approval);
        const at = ctx.now.toISOString();
        const use: UseRow = {
          id: randomUUID(), agency: input.agency, authorization: authorization?.id ?? null, cited: input.authorization, occurredAt, recordedAt: at, dataCategories: input.dataCategories,
          approvalActive: approval?.active ?? false, beforeNoticeClock: flags.some((f) => f.kind === 'use-before-notice-clock'),
        };
        await tx.uses.insertUse(use);
        const findings: Finding[] = flags.map((f) => ({ id: randomUUID(), agency: use.agency, kind: f.kind, subject: `use:${use.id}`, detail: f.detail, audit: null, raisedAt: at }));
        await tx.uses.insertFindings(findings);
        return {
          id: use.id,
          data: {
            agency: use.agency, authorization: use.authorization, cited: use.cited, dataCategories: [...use.dataCategories],
            approvalActive: use.approvalActive, findings: findings.map((f) => ({ id: f.id, kind: f.kind, detail: f.detail })),
          },
          subjects: [`agency:${use.agency}`, ...(use.authorization ? [`authorization:${use.authorization}`] : [])],
        };
      },
    }),
  },
  transitions: {},
};
