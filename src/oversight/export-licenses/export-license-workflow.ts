import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { CommandContext } from '../../accounts/command-context.js';
import { atLeast, either, scoped, systemOnly, type Policy } from '../../accounts/policy.js';
import { CommandError } from '../../core/command-error.js';
import { US_FEDERAL } from '../../kernel/calendar/presets/us-federal.js';
import { dueInCalendarDays } from '../../kernel/deadlines/due.js';
import { stepsFor, type Workflow } from '../../kernel/workflow/workflow.js';
import type { ExportLicense, ExportLicensesTransaction } from './export-license.js';
import {
  applicationFields, applyApplication, applyApproval, applyDenial, applyEvidence, applyEvidenceLinked, applyRevocation, applyRevocationReview, provisoDeadlineKind, type ProvisoData,
} from './export-license-events.js';
import { screenApplication } from './screen-application.js';
import { approvalInput, evidenceInput, linkIncidentInput, PROVISO_KIND_LABELS, reasonsInput, reviewInput, revocationReviewInput } from './export-license-input.js';

/** The licensing agency's officers (BIS, by default) or an administrator. */
const licensingStaff: Policy = either(atLeast('admin'), scoped('licensing-officer'));
/** Applications and proviso evidence also come from the exporter's representative. */
const staffOrExporter: Policy = either(licensingStaff, scoped('vendor-representative'));

const openingInput = z.strictObject(applicationFields);
const step = stepsFor<ExportLicense, ExportLicensesTransaction>();
const meta = (ctx: CommandContext) => ({ actor: ctx.actor.actorId, time: ctx.now.toISOString() });

function resourceOf(licence: { licensingAgency: string; exporter: string }) {
  return { scopes: [{ kind: 'agency' as const, id: licence.licensingAgency }, { kind: 'vendor' as const, id: licence.exporter }] };
}

/** Both openings write the same row; screening decided which one runs. */
function opening(to: 'applied' | 'refused', event: string, label: string) {
  return step.opening({
    label, event, to, policy: staffOrExporter, input: openingInput, backdate: true,
    resourceOf: (input) => resourceOf(input),
    async create({ ctx, input, tx, occurredAt }) {
      const id = randomUUID();
      const data = { ...input, license: id, ...(occurredAt !== ctx.now.toISOString() ? { occurredAt } : {}) };
      await applyApplication(tx, data, to, meta(ctx));
      return { id, data: { ...input }, subjects: [`organization:${input.exporter}`, `organization:${input.endUser}`] };
    },
  });
}

/** A step recorded as having happened earlier may not say it happened before the application. */
async function notBeforeApplication({ case: licence, occurredAt }: { case: ExportLicense; occurredAt: string }): Promise<void> {
  if (occurredAt < licence.appliedAt.slice(0, occurredAt.length)) {
    throw new CommandError({ code: 'INVALID_INPUT', message: `the step cannot be dated before the application (${licence.appliedAt.slice(0, 10)})`, issues: [{ path: 'occurredAt', message: 'before the application' }] });
  }
}

/**
 * Export-licence review (issue #9, after the 2021 congressional letter to Commerce): an
 * application is screened on arrival (a designated party refuses it, recorded with the
 * designations); a licensing officer of the licensing agency takes it up and approves it with
 * provisos — each with a due date the tick watches — or denies it; an approved licence goes to
 * revocation review when new evidence arrives, and is revoked or reinstated with reasons.
 */
export const exportLicenseWorkflow: Workflow<ExportLicense, ExportLicensesTransaction> = {
  caseType: 'export-license',
  idField: 'license',
  label: 'export licence',
  states: {
    applied: { label: 'Applied' },
    refused: { label: 'Refused on screening', terminal: true },
    'under-review': { label: 'Under review' },
    approved: { label: 'Approved' },
    denied: { label: 'Denied', terminal: true },
    'revocation-review': { label: 'Under revocation review' },
    revoked: { label: 'Revoked', terminal: true },
  },
  load: (tx, id) => tx.exportLicenses.license(id),
  stateOf: (licence) => licence.status,
  resourceOf,
  readableBy: () => true,
  openings: {
    apply: opening('applied', 'oversight.export-license.applied', 'Apply for an export licence'),
    refuse: opening('refused', 'oversight.export-license.refused', 'Refuse an application on screening'),
  },
  transitions: {
    review: step.transition({
      label: 'Start review', event: 'oversight.export-license.review-started', from: ['applied'], to: 'under-review', policy: licensingStaff, input: reviewInput, backdate: true, guard: notBeforeApplication,
      async effect({ ctx, case: licence, input, tx, occurredAt }) {
        await tx.exportLicenses.addStep({ licenseId: licence.id, step: 'review-started', at: occurredAt, actor: ctx.actor.actorId, note: input.note ?? null, incidentId: null });
        await tx.exportLicenses.updateLicense(licence.id, { status: 'under-review', updatedAt: ctx.now.toISOString() });
        const data: Record<string, string> = input.note ? { note: input.note } : {};
        return { data };
      },
    }),
    approve: step.transition({
      label: 'Approve with provisos', event: 'oversight.export-license.approved', from: ['under-review'], to: 'approved', policy: licensingStaff, input: approvalInput, backdate: true,
      async guard({ ctx, case: licence, input, tx, occurredAt }) {
        await notBeforeApplication({ case: licence, occurredAt });
        // A due date already past is allowed (a licence recorded late): the next tick flags it.
        // Screened again: a party designated since the application is never licensed.
        const [exporter, endUser] = [await tx.exportLicenses.organization(licence.exporter), await tx.exportLicenses.organization(licence.endUser)];
        if (exporter && endUser) {
          const hits = await screenApplication(tx.exportLicenses, { exporter, endUser }, ctx.now.toISOString().slice(0, 10));
          if (hits.length > 0) {
            const listed = hits.map((h) => `${h.subjectName}${h.via ? ` (${h.via})` : ''}: ${h.authority} ${h.list}, listed ${h.listed}`).join('; ');
            throw new CommandError({ code: 'CONFLICT', message: `a party is designated since the application — ${listed}; deny the application instead` });
          }
        }
        // A destination on the risk list is licensed only with due-diligence reports and a duty to notify misuse (the congressional letter's provisos).
        if (licence.screening.riskEntries.length > 0) {
          for (const kind of ['due-diligence-report', 'notify-misuse'] as const) {
            if (!input.provisos.some((p) => p.kind === kind)) throw new CommandError({ code: 'INVALID_INPUT', message: `the destination is on the risk list: the licence needs a "${kind}" proviso`, issues: [{ path: 'provisos', message: `needs a ${kind} proviso` }] });
          }
        }
      },
      async effect({ ctx, case: licence, input, tx, occurredAt }) {
        const provisos: ProvisoData[] = input.provisos.map((p, i) => ({ id: randomUUID(), position: i + 1, kind: p.kind, text: p.text, dueDate: p.dueDate ?? null }));
        await applyApproval(tx, { license: licence.id, note: input.note, provisos, ...(occurredAt !== ctx.now.toISOString() ? { occurredAt } : {}) }, meta(ctx));
        // Each dated proviso is a kernel deadline: the tick flags it overdue if no evidence came.
        for (const p of provisos) {
          if (p.dueDate === null) continue;
          const due = dueInCalendarDays(US_FEDERAL, p.dueDate, 0);
          await tx.deadlines.start({
            id: randomUUID(), caseType: 'export-license', caseId: licence.id, kind: provisoDeadlineKind(p.id), label: `Proviso ${p.position} due: ${PROVISO_KIND_LABELS[p.kind].toLowerCase()}`, dueAt: due.dueAt, dueDate: due.dueDate ?? null,
            calendar: due.calendar ?? null, state: 'open', firesEvent: 'oversight.export-license.proviso-overdue', onFire: null, startedAt: ctx.now.toISOString(), firedAt: null, stoppedAt: null, stopReason: null,
          });
        }
        return { data: { note: input.note, provisos } };
      },
    }),
    deny: step.transition({
      label: 'Deny', event: 'oversight.export-license.denied', from: ['under-review'], to: 'denied', policy: licensingStaff, input: reasonsInput, backdate: true, guard: notBeforeApplication,
      async effect({ ctx, case: licence, input, tx, occurredAt }) {
        await applyDenial(tx, { license: licence.id, note: input.reasons, ...(occurredAt !== ctx.now.toISOString() ? { occurredAt } : {}) }, meta(ctx));
        return { data: { note: input.reasons } };
      },
    }),
    'record-evidence': step.transition({
      label: 'Record proviso evidence', event: 'oversight.export-license.evidence-recorded', from: ['approved', 'revocation-review'], to: 'approved', policy: staffOrExporter, input: evidenceInput,
      target: ({ from }) => from ?? 'approved',
      async guard({ case: licence, input, tx }) {
        const proviso = (await tx.exportLicenses.provisos(licence.id)).find((p) => p.id === input.proviso);
        if (!proviso) throw new CommandError({ code: 'INVALID_INPUT', message: `licence ${licence.id} has no proviso "${input.proviso}"`, issues: [{ path: 'proviso', message: 'not a proviso of this licence' }] });
      },
      async effect({ ctx, case: licence, input, tx }) {
        const data = { license: licence.id, evidence: randomUUID(), proviso: input.proviso, summary: input.summary, ...(input.url ? { url: input.url } : {}) };
        await applyEvidence(tx, data, meta(ctx));
        await tx.deadlines.stop('export-license', licence.id, [provisoDeadlineKind(input.proviso)], ctx.now.toISOString(), 'evidence recorded');
        const { license: _id, ...rest } = data;
        return { data: rest };
      },
    }),
    'open-revocation-review': step.transition({
      label: 'Open revocation review', event: 'oversight.export-license.revocation-review-opened', from: ['approved'], to: 'revocation-review', policy: either(systemOnly, licensingStaff), input: revocationReviewInput,
      async guard({ input, tx }) {
        if (input.incident && !(await tx.exportLicenses.incidentExists(input.incident))) throw new CommandError({ code: 'INVALID_INPUT', message: `no registry incident "${input.incident}"`, issues: [{ path: 'incident', message: 'not a registry incident' }] });
      },
      async effect({ ctx, case: licence, input, tx }) {
        await applyRevocationReview(tx, { license: licence.id, reasons: input.reasons, incident: input.incident }, meta(ctx));
        return {
          data: { reasons: input.reasons, ...(input.incident ? { incident: input.incident } : {}), ...(input.designation ? { designation: input.designation } : {}) },
          subjects: [...(input.incident ? [`incident:${input.incident}`] : []), ...(input.designation ? [`designation:${input.designation}`] : [])],
        };
      },
    }),
    'link-incident': step.transition({
      label: 'Link another incident', event: 'oversight.export-license.incident-linked', from: ['revocation-review'], to: 'revocation-review', policy: either(systemOnly, licensingStaff), input: linkIncidentInput,
      async guard({ case: licence, input, tx }) {
        if (!(await tx.exportLicenses.incidentExists(input.incident))) throw new CommandError({ code: 'INVALID_INPUT', message: `no registry incident "${input.incident}"`, issues: [{ path: 'incident', message: 'not a registry incident' }] });
        if ((await tx.exportLicenses.linkedIncidents(licence.id)).includes(input.incident)) throw new CommandError({ code: 'CONFLICT', message: `incident "${input.incident}" is already linked to this licence` });
      },
      async effect({ ctx, case: licence, input, tx }) {
        await applyEvidenceLinked(tx, { license: licence.id, reasons: input.reasons, incident: input.incident }, meta(ctx));
        return { data: { reasons: input.reasons, incident: input.incident }, subjects: [`incident:${input.incident}`] };
      },
    }),
    revoke: step.transition({
      label: 'Revoke', event: 'oversight.export-license.revoked', from: ['revocation-review'], to: 'revoked', policy: licensingStaff, input: reasonsInput,
      async effect({ ctx, case: licence, input, tx }) {
        await applyRevocation(tx, { license: licence.id, reasons: input.reasons }, meta(ctx));
        const kinds = (await tx.exportLicenses.provisos(licence.id)).map((p) => provisoDeadlineKind(p.id));
        if (kinds.length > 0) await tx.deadlines.stop('export-license', licence.id, kinds, ctx.now.toISOString(), 'licence revoked');
        return { data: { reasons: input.reasons } };
      },
    }),
    reinstate: step.transition({
      label: 'Reinstate', event: 'oversight.export-license.reinstated', from: ['revocation-review'], to: 'approved', policy: licensingStaff, input: reasonsInput,
      async effect({ ctx, case: licence, input, tx }) {
        await tx.exportLicenses.updateLicense(licence.id, { status: 'approved', updatedAt: ctx.now.toISOString() });
        await tx.exportLicenses.addStep({ licenseId: licence.id, step: 'reinstated', at: ctx.now.toISOString(), actor: ctx.actor.actorId, note: input.reasons, incidentId: null });
        return { data: { reasons: input.reasons } };
      },
    }),
  },
};

