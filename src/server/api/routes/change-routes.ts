import { z } from 'zod';
import { can } from '../../../accounts/policies.js';
import { recordTypeSchema, recordIdSchema, recordStatusSchema } from '../../../registry/schemas/common.js';
import { proposeChange } from '../../../registry/commands/propose-change.js';
import { acceptChange, rejectChange } from '../../../registry/commands/review-change.js';
import { verifyRecord } from '../../../registry/commands/verify-record.js';
import { recordDesignation } from '../../../registry/commands/record-designation.js';
import { delistDesignation } from '../../../registry/commands/delist-designation.js';
import { changeProposalSchema, delistingSchema } from '../../../registry/commands/change-proposal.js';
import { RECORD_INPUT_SCHEMAS } from '../../../registry/record-input.js';
import { STORED_RECORD_SCHEMAS } from '../../../registry/stored-record-schemas.js';
import { readChanges } from '../../../store/registry/kysely-registry-store.js';
import type { Store } from '../../../store/store.js';
import type { ApiRouter } from '../api-router.js';
import { runCommand } from '../command-runner.js';
import { pageQuerySchema, uuidParamsSchema } from '../common-schemas.js';
import { changePresenter } from '../presenters/change-presenter.js';
import { pageOf } from '../presenters/page.js';

const reviewSchema = z.strictObject({ note: z.string().trim().max(2000).optional() });

/**
 * The editorial workflow: analysts propose changes, editors accept or reject them, verify records
 * and publish or delist designations. The public sees applied changes only.
 */
export function addChangeRoutes(router: ApiRouter, store: Store, now: () => Date): void {
  router.add(
    {
      method: 'get', path: '/changes', operationId: 'listChanges', summary: 'Changes: applied ones for everyone; pending and rejected ones for analysts and above', tag: 'changes',
      query: pageQuerySchema.extend({ status: z.enum(['pending', 'applied', 'rejected']).default('applied'), recordType: recordTypeSchema.optional(), recordId: z.string().max(100).optional() }),
      responses: { 200: { description: 'A page of changes', schema: pageOf(changePresenter) } },
    },
    async (c, { query, reply }) => {
      const status = query.status !== 'applied' && !can(c.get('auth').actor, 'change.list') ? 'applied' : query.status;
      let q = store.db.selectFrom('changes').where('status', '=', status);
      if (query.recordType) q = q.where('recordType', '=', query.recordType);
      // A pending or rejected change's record id is sealed: match it in the seal store (canonical JSON of the id).
      const recordId = query.recordId;
      if (recordId) q = q.where((eb) => eb.or([eb('recordId', '=', recordId), eb('recordIdRef', 'in', eb.selectFrom('sealedValues').select('id').where('value', '=', JSON.stringify(recordId)))]));
      const rows = await q.selectAll().orderBy('proposedAt', 'desc').orderBy('id').limit(query.limit).offset(query.offset).execute();
      const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
      return reply({ items: await readChanges(store.db, rows), total, limit: query.limit, offset: query.offset });
    },
  );
  router.add(
    { method: 'post', path: '/changes', operationId: 'proposeChange', summary: 'Propose a new or changed record (with sources), or a delisting', tag: 'changes', body: changeProposalSchema, permission: 'change.propose', responses: { 201: { description: 'The pending change', schema: changePresenter } } },
    async (c, { body, reply }) => reply(await runCommand(store, now, c, (ctx, tx) => proposeChange({ ctx, proposal: body }, tx)), 201),
  );
  router.add(
    { method: 'post', path: '/changes/{id}/accept', operationId: 'acceptChange', summary: 'Accept a pending change: it is applied and published', tag: 'changes', params: uuidParamsSchema, body: reviewSchema, permission: 'change.review', responses: { 200: { description: 'The applied change', schema: changePresenter } } },
    async (c, { params, body, reply }) => reply(await runCommand(store, now, c, (ctx, tx) => acceptChange({ ctx, changeId: params.id, ...(body.note ? { note: body.note } : {}) }, tx))),
  );
  router.add(
    { method: 'post', path: '/changes/{id}/reject', operationId: 'rejectChange', summary: 'Reject a pending change', tag: 'changes', params: uuidParamsSchema, body: reviewSchema, permission: 'change.review', responses: { 200: { description: 'The rejected change', schema: changePresenter } } },
    async (c, { params, body, reply }) => reply(await runCommand(store, now, c, (ctx, tx) => rejectChange({ ctx, changeId: params.id, ...(body.note ? { note: body.note } : {}) }, tx))),
  );
  router.add(
    {
      method: 'post', path: '/records/{recordType}/{id}/status', operationId: 'verifyRecord', summary: 'Set how well a record is established (reported, documented, verified)', tag: 'changes',
      params: z.object({ recordType: recordTypeSchema, id: z.string().min(1).max(100) }), body: z.strictObject({ status: recordStatusSchema }), permission: 'record.verify',
      responses: { 200: { description: 'The new and previous status', schema: z.object({ recordType: recordTypeSchema, id: z.string(), status: recordStatusSchema, previous: recordStatusSchema }) } },
    },
    async (c, { params, body, reply }) => reply(await runCommand(store, now, c, (ctx, tx) => verifyRecord({ ctx, recordType: params.recordType, id: params.id, status: body.status }, tx))),
  );
  router.add(
    { method: 'post', path: '/designations', operationId: 'recordDesignation', summary: 'Publish a designation (editors)', tag: 'changes', body: RECORD_INPUT_SCHEMAS.designation, permission: 'designation.record', responses: { 201: { description: 'The designation', schema: STORED_RECORD_SCHEMAS.designation } } },
    async (c, { body, reply }) => reply(await runCommand(store, now, c, (ctx, tx) => recordDesignation({ ctx, designation: body }, tx)), 201),
  );
  router.add(
    { method: 'post', path: '/designations/{id}/delisting', operationId: 'delistDesignation', summary: 'Record that a subject was removed from a list (editors)', tag: 'changes', params: z.object({ id: recordIdSchema }), body: delistingSchema, permission: 'designation.delist', responses: { 200: { description: 'The delisted designation', schema: STORED_RECORD_SCHEMAS.designation } } },
    async (c, { params, body, reply }) => reply(await runCommand(store, now, c, (ctx, tx) => delistDesignation({ ctx, designationId: params.id, ...body }, tx))),
  );
}
