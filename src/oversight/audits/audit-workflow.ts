import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { scoped } from '../../accounts/policy.js';
import { toJsonObject } from '../../core/json-value.js';
import { stepsFor, type Workflow } from '../../kernel/workflow/workflow.js';
import type { UsesTransaction } from '../uses/uses-transaction.js';
import { FindingsDigest, type Audit } from './audit.js';
import { runAuditChecks } from './run-audit-checks.js';
import { wiretapStatistics } from './wiretap-statistics.js';

const isoDate = z.iso.date('an ISO date (YYYY-MM-DD)');

/** What `POST /api/v1/audits` takes. */
export const auditRequestSchema = z.strictObject({
  agency: z.string().trim().min(1).max(200),
  periodStart: isoDate,
  periodEnd: isoDate,
}).refine((a) => a.periodEnd >= a.periodStart, { path: ['periodEnd'], message: 'must be on or after periodStart' });

const signOffInput = z.strictObject({ note: z.string().trim().max(4000).optional() });
const step = stepsFor<Audit, UsesTransaction>();
const auditor = scoped('auditor');

/**
 * Post-use audits: an auditor of the agency runs every check over a period (findings recorded,
 * counted and digested in the entry), then signs off, which publishes the Wiretap-Report-shaped
 * statistics. Each check is one set-based query over the period, streamed.
 */
export const auditWorkflow: Workflow<Audit, UsesTransaction> = {
  caseType: 'audit',
  idField: 'audit',
  label: 'audit',
  states: { run: { label: 'Findings recorded' }, 'signed-off': { label: 'Signed off and published', terminal: true } },
  load: (tx, id) => tx.uses.audit(id),
  stateOf: (a) => a.status,
  resourceOf: (a) => ({ scopes: [{ kind: 'agency', id: a.agency }] }),
  readableBy: () => true,
  openings: {
    run: step.opening({
      label: 'Run an audit',
      event: 'oversight.audit.run',
      to: 'run',
      policy: auditor,
      input: auditRequestSchema,
      resourceOf: (input) => ({ scopes: [{ kind: 'agency', id: input.agency }] }),
      async create({ ctx, input, tx }) {
        const id = randomUUID();
        const period = { agency: input.agency, periodStart: input.periodStart, periodEnd: input.periodEnd, asOf: ctx.now.toISOString() };
        const digest: FindingsDigest = await runAuditChecks(tx, period, id, ctx.now.toISOString());
        const audit: Audit = {
          id, ...period, status: 'run', runBy: ctx.actor.actorId, findingsCount: digest.count, findingsDigest: digest.digest(), findingsByKind: digest.byKind,
          signedOffAt: null, signedOffBy: null, note: null, statistics: null,
        };
        await tx.uses.insertAudit(audit);
        return {
          id,
          data: { agency: audit.agency, periodStart: audit.periodStart, periodEnd: audit.periodEnd, asOf: audit.asOf, findingsCount: audit.findingsCount, findingsDigest: audit.findingsDigest, findingsByKind: { ...audit.findingsByKind } },
          subjects: [`agency:${audit.agency}`],
        };
      },
    }),
  },
  transitions: {
    'sign-off': step.transition({
      label: 'Sign off and publish', event: 'oversight.audit.signed-off', from: ['run'], to: 'signed-off', policy: auditor, input: signOffInput,
      async effect({ ctx, case: audit, input, tx }) {
        const [summaries, uses] = await Promise.all([tx.uses.authorizationSummaries(audit), tx.uses.useCounts(audit)]);
        const statistics = wiretapStatistics(audit, summaries, { total: uses.uses, flaggedWhenRecorded: uses.flagged }, audit.findingsByKind);
        await tx.uses.updateAudit(audit.id, { signedOffAt: ctx.now.toISOString(), signedOffBy: ctx.actor.actorId, note: input.note ?? null, statistics });
        return { data: { statistics: toJsonObject(statistics), ...(input.note ? { note: input.note } : {}) }, subjects: [`agency:${audit.agency}`] };
      },
    }),
  },
};
