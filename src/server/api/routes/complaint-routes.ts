import { z } from 'zod';
import { atLeast } from '../../../accounts/policy.js';
import { CommandError } from '../../../core/command-error.js';
import { complainantStep, complaintByToken, handleComplaint, submitComplaint } from '../../../disclosure/complaints/complaint-commands.js';
import { COMPLAINT_OUTCOMES } from '../../../disclosure/complaints/complaint-store.js';
import { complaintSchema, complaintWorkflow } from '../../../disclosure/complaints/complaint-workflow.js';
import { remedyStores } from '../../../store/disclosure/kysely-remedy-stores.js';
import type { Store } from '../../../store/store.js';
import type { ApiRouter } from '../api-router.js';
import { runCommand } from '../command-runner.js';
import { pageQuerySchema, uuidParamsSchema } from '../common-schemas.js';
import { pageOf } from '../presenters/page.js';
import { complaintPresenter, complaintReceiptPresenter, complaintStatusPresenter } from '../presenters/remedy-presenters.js';
import type { Actor } from '../../../accounts/actor.js';

const tokenParams = z.object({ token: z.string().min(1).max(100) });
const steps = complaintWorkflow.transitions;

/** The bodies whose complaints this actor handles; 'all' for admins; 401/403 for anyone else. */
export function handledBodies(actor: Actor): readonly string[] | 'all' {
  if (atLeast('admin').allows(actor, undefined)) return 'all';
  const bodies = actor.grants.filter((g) => g.role === 'complaint-handler' && g.scope.kind === 'body').map((g) => g.scope.id);
  if (bodies.length === 0) throw new CommandError({ code: actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN', message: 'only an oversight body’s complaint handlers (and admins) see complaints' });
  return bodies;
}

/**
 * Complaints: anyone files one (no account; rate-limited) and follows it through the private
 * status token; the oversight body's handlers work their queue.
 */
export function addComplaintRoutes(router: ApiRouter, store: Store, now: () => Date): void {
  router.add(
    { method: 'post', path: '/complaints', operationId: 'submitComplaint', summary: 'File a complaint (anyone, no account; logged as anonymous; rate-limited)', tag: 'complaints', body: complaintSchema, responses: { 201: { description: 'Received: keep the status token', schema: complaintReceiptPresenter } } },
    async (c, { body, reply }) => {
      const { complaint, token } = await runCommand(store, now, c, (ctx, tx) => submitComplaint({ ctx, complaint: body }, tx));
      return reply({ id: complaint.id, status: 'received', receivedAt: complaint.receivedAt, statusToken: token, statusUrl: `/complaints/status/${token}` }, 201);
    },
  );
  router.add(
    { method: 'get', path: '/complaints', operationId: 'listComplaints', summary: 'The complaints of the bodies one handles (admins: all)', tag: 'complaints', query: pageQuerySchema.extend({ status: z.enum(['received', 'under-review', 'closed']).optional() }), permission: steps['review']!.policy, responses: { 200: { description: 'A page of complaints', schema: pageOf(complaintPresenter) } } },
    async (c, { query, reply }) => {
      const bodies = handledBodies(c.get('auth').actor);
      const page = await remedyStores(store.db).complaints.listComplaints({ bodies, status: query.status, limit: query.limit, offset: query.offset });
      return reply({ ...page, limit: query.limit, offset: query.offset });
    },
  );
  router.add(
    { method: 'get', path: '/complaints/{id}', operationId: 'getComplaint', summary: 'A complaint (its body’s handlers and admins)', tag: 'complaints', params: uuidParamsSchema, permission: steps['review']!.policy, responses: { 200: { description: 'The complaint', schema: complaintPresenter } } },
    async (c, { params, reply }) => {
      const complaint = await remedyStores(store.db).complaints.findComplaint(params.id);
      if (!complaint || !complaintWorkflow.readableBy(c.get('auth').actor, complaint)) throw new CommandError({ code: 'NOT_FOUND', message: `no complaint "${params.id}"` });
      return reply(complaint);
    },
  );
  const step = (action: 'route' | 'review' | 'close' | 'link' | 'erase', operationId: string, summary: string, body: z.ZodType) =>
    router.add(
      { method: 'post', path: `/complaints/{id}/${action}`, operationId, summary, tag: 'complaints', params: uuidParamsSchema, body, permission: steps[action]!.policy, responses: { 200: { description: 'The complaint after the step', schema: complaintPresenter } } },
      async (c, { params, body: input, reply }) => reply(await runCommand(store, now, c, (ctx, tx) => handleComplaint({ ctx, id: params.id, action, input }, tx))),
    );
  step('route', 'routeComplaint', 'Route a complaint to an oversight body (admins)', z.strictObject({ body: z.string() }));
  step('review', 'startComplaintReview', 'Start reviewing a complaint', z.strictObject({}));
  step('close', 'closeComplaint', 'Close a complaint with an outcome and a message to the complainant', z.strictObject({ outcome: z.enum(COMPLAINT_OUTCOMES), message: z.string().optional() }));
  step('link', 'linkComplaintToIncident', 'Link a complaint to a registry incident (only after the complainant consented)', z.strictObject({ incident: z.string() }));
  step('erase', 'eraseComplaint', 'Shred everything that identifies the complainant (on their request)', z.strictObject({}));

  router.add(
    { method: 'get', path: '/complaints/status/{token}', operationId: 'getComplaintStatus', summary: 'A complaint’s status, for the holder of its private status token', tag: 'complaints', params: tokenParams, responses: { 200: { description: 'The status', schema: complaintStatusPresenter } } },
    async (_c, { params, reply }) => reply(await complaintByToken(params.token, { remedy: remedyStores(store.db) })),
  );
  for (const [action, operationId, summary] of [['consent', 'consentToIncidentLink', 'The complainant consents to linking the complaint to a registry incident'], ['erase', 'eraseOwnComplaint', 'The complainant has everything that identifies them shredded']] as const) {
    router.add(
      { method: 'post', path: `/complaints/status/{token}/${action}`, operationId, summary, tag: 'complaints', params: tokenParams, body: z.strictObject({}), responses: { 200: { description: 'The status after the step', schema: complaintStatusPresenter } } },
      async (c, { params, reply }) => reply(await runCommand(store, now, c, (ctx, tx) => complainantStep({ ctx, token: params.token, action }, tx))),
    );
  }
}
