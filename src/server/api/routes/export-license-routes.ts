import { z } from 'zod';
import { atLeast } from '../../../accounts/policy.js';
import { CommandError } from '../../../core/command-error.js';
import { transition } from '../../../kernel/workflow/transition.js';
import { addRiskListEntry } from '../../../oversight/export-licenses/add-risk-list-entry.js';
import { applyForExportLicense } from '../../../oversight/export-licenses/apply-for-export-license.js';
import { riskEntriesFor } from '../../../oversight/export-licenses/destination-risk-list.js';
import { LICENSE_STATUSES } from '../../../oversight/export-licenses/export-license.js';
import { applicationSchema, approvalInput, evidenceInput, linkIncidentInput, reasonsInput, reviewInput, revocationReviewInput, riskEntryInput } from '../../../oversight/export-licenses/export-license-input.js';
import { exportLicenseWorkflow } from '../../../oversight/export-licenses/export-license-workflow.js';
import { KyselyExportLicenseStore } from '../../../store/oversight/export-licenses/kysely-export-license-store.js';
import { readExportLicense, readExportLicenseList } from '../../../store/oversight/export-licenses/read-export-licenses.js';
import type { Store } from '../../../store/store.js';
import type { ApiRouter } from '../api-router.js';
import { runCommand } from '../command-runner.js';
import { pageQuerySchema, uuidParamsSchema } from '../common-schemas.js';
import { exportLicensePresenter, exportLicenseSummaryPresenter, presentLicense, presentLicenseSummary, presentRiskEntry, riskEntryPresenter } from '../presenters/export-license-presenter.js';
import { pageOf } from '../presenters/page.js';

const occurredAt = { occurredAt: z.string().max(40).optional() };

/** The workflow steps the API exposes: path, operation, the step's input (and whether it takes `occurredAt`). */
const STEPS = [
  { path: 'review', operationId: 'reviewExportLicense', action: 'review', summary: 'Take up an application for review', body: reviewInput.extend(occurredAt) },
  { path: 'approval', operationId: 'approveExportLicense', action: 'approve', summary: 'Approve a licence with provisos (each with an optional due date)', body: approvalInput.extend(occurredAt) },
  { path: 'denial', operationId: 'denyExportLicense', action: 'deny', summary: 'Deny an application, with reasons', body: reasonsInput.extend(occurredAt) },
  { path: 'evidence', operationId: 'recordProvisoEvidence', action: 'record-evidence', summary: "Record evidence against one of a licence's provisos", body: evidenceInput },
  { path: 'revocation-review', operationId: 'openRevocationReview', action: 'open-revocation-review', summary: 'Send a licence to revocation review, with reasons (and the incident, if any)', body: revocationReviewInput },
  { path: 'incidents', operationId: 'linkIncidentToExportLicense', action: 'link-incident', summary: 'Link another registry incident to a licence under revocation review, with reasons', body: linkIncidentInput },
  { path: 'revocation', operationId: 'revokeExportLicense', action: 'revoke', summary: 'Revoke a licence under revocation review, with reasons', body: reasonsInput },
  { path: 'reinstatement', operationId: 'reinstateExportLicense', action: 'reinstate', summary: 'Reinstate a licence under revocation review, with reasons', body: reasonsInput },
] as const;

async function viewOf(store: Store, id: string) {
  const view = await readExportLicense(store.db, id);
  if (!view) throw new CommandError({ code: 'NOT_FOUND', message: `no export licence "${id}"` });
  return presentLicense(view);
}

/**
 * Export-licence review (issue #9): `/export-licenses` — applications (screened on arrival; a
 * designated party refuses them, with the designations in the answer), the workflow's steps, and
 * `/destination-risk-list`.
 */
export function addExportLicenseRoutes(router: ApiRouter, store: Store, now: () => Date): void {
  router.add(
    {
      method: 'get', path: '/export-licenses', operationId: 'listExportLicenses', summary: 'Export-licence applications and licences, newest first', tag: 'oversight',
      query: pageQuerySchema.extend({ status: z.enum(LICENSE_STATUSES).optional() }),
      responses: { 200: { description: 'A page of licences', schema: pageOf(exportLicenseSummaryPresenter) } },
    },
    async (_c, { query, reply }) => {
      const list = await readExportLicenseList(store.db, { ...(query.status ? { statuses: [query.status] } : {}), limit: query.limit, offset: query.offset });
      return reply({ items: list.items.map((i) => presentLicenseSummary(i.license, { exporter: i.exporterName, endUser: i.endUserName }, i.overdueProvisos)), total: list.total, limit: query.limit, offset: query.offset });
    },
  );
  router.add(
    {
      method: 'post', path: '/export-licenses', operationId: 'applyForExportLicense', tag: 'oversight',
      summary: 'File an application {exporter, item, eccn, endUser, endUse, destination}; a designated exporter or end user (or related organisation) refuses it at once, recorded with the designations',
      body: applicationSchema.extend(occurredAt), permission: exportLicenseWorkflow.openings['apply']?.policy ?? atLeast('admin'),
      responses: { 201: { description: 'The application: status "applied", or "refused" with the designations under refusal', schema: exportLicensePresenter } },
    },
    async (c, { body, reply }) => {
      const { occurredAt: when, ...application } = body;
      const { case: licence } = await runCommand(store, now, c, (ctx, tx) => applyForExportLicense({ ctx, application, ...(when !== undefined ? { occurredAt: when } : {}) }, tx));
      return reply(await viewOf(store, licence.id), 201);
    },
  );
  router.add(
    { method: 'get', path: '/export-licenses/{id}', operationId: 'getExportLicense', summary: 'One licence: screening, provisos and their status, steps, linked incidents', tag: 'oversight', params: uuidParamsSchema, responses: { 200: { description: 'The licence', schema: exportLicensePresenter } } },
    async (_c, { params, reply }) => reply(await viewOf(store, params.id)),
  );
  for (const step of STEPS) {
    const policy = exportLicenseWorkflow.transitions[step.action]?.policy;
    router.add(
      { method: 'post', path: `/export-licenses/{id}/${step.path}`, operationId: step.operationId, summary: step.summary, tag: 'oversight', params: uuidParamsSchema, body: step.body, ...(policy ? { permission: policy } : {}), responses: { 200: { description: 'The licence after the step', schema: exportLicensePresenter } } },
      async (c, { params, body, reply }) => {
        const { occurredAt: when, ...input } = body as Record<string, unknown>;
        await runCommand(store, now, c, (ctx, tx) => transition({ ctx, workflow: exportLicenseWorkflow, id: params.id, action: step.action, input, ...(when !== undefined ? { occurredAt: when } : {}) }, tx));
        return reply(await viewOf(store, params.id));
      },
    );
  }
  router.add(
    { method: 'get', path: '/destination-risk-list', operationId: 'listDestinationRisks', summary: 'The destination risk list: each country with what its cited sources state', tag: 'oversight', responses: { 200: { description: 'Every entry', schema: z.object({ items: z.array(riskEntryPresenter) }) } } },
    async (_c, { reply }) => reply({ items: (await riskEntriesFor(new KyselyExportLicenseStore(store.db))).map(presentRiskEntry) }),
  );
  router.add(
    { method: 'post', path: '/destination-risk-list', operationId: 'addDestinationRisk', summary: 'Add a destination to the risk list, citing registry sources (administrators)', tag: 'oversight', body: riskEntryInput, permission: atLeast('admin'), responses: { 201: { description: 'The new entry', schema: riskEntryPresenter } } },
    async (c, { body, reply }) => reply(presentRiskEntry(await runCommand(store, now, c, (ctx, tx) => addRiskListEntry({ ctx, entry: body }, tx))), 201),
  );
}
