import type { Hono } from 'hono';
import { z } from 'zod';
import { CommandError } from '../../core/command-error.js';
import { parseInput } from '../../core/parse-input.js';
import { DRAFT_SUBJECT_KINDS } from '../../disclosure/requests/draft-subject.js';
import { draftAppeal } from '../../disclosure/requests/draft-follow-up.js';
import { draftRequest } from '../../disclosure/requests/draft-request.js';
import { JURISDICTION_IDS, jurisdictionOf } from '../../disclosure/requests/jurisdictions.js';
import { requestWorkflow } from '../../disclosure/requests/request-workflow.js';
import { transition } from '../../kernel/workflow/transition.js';
import { runCommand } from '../../server/api/command-runner.js';
import { readRequestFor, receiveDocument } from '../../server/api/routes/disclosure-request-routes.js';
import type { AppEnv } from '../../server/app-env.js';
import { KyselyRequestStore } from '../../store/disclosure/requests/kysely-request-store.js';
import { agencyStatistics, listRequests } from '../../store/disclosure/requests/read-requests.js';
import { disclosureRequestPage } from '../pages/disclosure-request-page.js';
import { disclosureAgencyPage, disclosureEditPage, disclosureRequestsPage } from '../pages/disclosure-requests-page.js';
import type { PortalDependencies } from '../portal-dependencies.js';
import { formFields, pageFrame, pageResponse } from './page-response.js';

const uuid = z.uuid();
const blankless = (fields: Record<string, string>) => Object.fromEntries(Object.entries(fields).filter(([key, value]) => key !== '_csrf' && value.trim() !== ''));
const draftForm = z.object({ kind: z.enum(DRAFT_SUBJECT_KINDS), id: z.string().trim().min(1).max(200), jurisdiction: z.enum(JURISDICTION_IDS).optional(), expedited: z.literal('true').optional(), requesterName: z.string().trim().max(200).optional() });
const editForm = z.object({ title: z.string(), letter: z.string(), jurisdiction: z.enum(JURISDICTION_IDS), expedited: z.literal('true').optional() });
/** Form fields that are numbers in the step's input. */
const NUMERIC = new Set(['amount']);

function requestId(raw: string): string {
  if (!uuid.safeParse(raw).success) throw new CommandError({ code: 'NOT_FOUND', message: 'There is no records request with this id.' });
  return raw;
}

/**
 * Records requests as pages and plain forms (no script needed): the list with the draft form,
 * each request with a form per step, the draft's edit page, document uploads, and the agencies'
 * statistics. Every form posts, runs the same workflow step as the API, and answers 303.
 *
 * @example
 * addDisclosureRequestPageRoutes(app, { store, now, draftSubjectReaders });
 */
export function addDisclosureRequestPageRoutes(app: Hono<AppEnv>, { store, now = () => new Date(), draftSubjectReaders = {} }: PortalDependencies): void {
  app.get('/disclosure-requests', async (c) => {
    const actor = c.get('auth').actor;
    const filed = await listRequests(store.db, { limit: 100, offset: 0 });
    const mine = actor.userId !== null ? (await listRequests(store.db, { ownerUserId: actor.userId, limit: 100, offset: 0 })).items : null;
    const present = (ids: readonly { id: string }[]) => Promise.all(ids.map((r) => readRequestFor(store, actor, r.id)));
    return pageResponse(c, disclosureRequestsPage(pageFrame(c), { filed: await present(filed.items), total: filed.total, mine: mine === null ? null : await present(mine), statistics: await agencyStatistics(store.db) }));
  });

  app.post('/disclosure-requests/new', async (c) => {
    const form = parseInput(draftForm, blankless(await formFields(c)), 'draft');
    const user = c.get('auth').user;
    const requesterName = form.requesterName ?? user?.displayName ?? user?.username ?? 'The requester';
    const request = await runCommand(store, now, c, (ctx, tx) => draftRequest({ ctx, from: { kind: form.kind, id: form.id }, readers: draftSubjectReaders, requesterName, expedited: form.expedited === 'true', ...(form.jurisdiction ? { jurisdiction: form.jurisdiction } : {}) }, tx));
    return c.redirect(`/disclosure-requests/${request.id}`, 303);
  });

  app.get('/disclosure-requests/:id', async (c) => {
    const id = requestId(c.req.param('id'));
    const request = await readRequestFor(store, c.get('auth').actor, id);
    const stored = await new KyselyRequestStore(store.db).get(id);
    const appeal = stored?.determination && request.steps.some((s) => s.step === 'appeal') ? draftAppeal(stored, jurisdictionOf(stored.jurisdiction), request.trackingNumbers.map((t) => t.number)).body : null;
    return pageResponse(c, disclosureRequestPage(pageFrame(c), request, appeal));
  });

  app.get('/disclosure-requests/:id/edit', async (c) => {
    const request = await readRequestFor(store, c.get('auth').actor, requestId(c.req.param('id')));
    if (!request.steps.some((s) => s.step === 'edit')) throw new CommandError({ code: request.status === 'draft' ? 'FORBIDDEN' : 'CONFLICT', message: 'Only its requester can edit a request, and only before it is filed.' });
    return pageResponse(c, disclosureEditPage(pageFrame(c), request));
  });

  app.post('/disclosure-requests/:id/edit', async (c) => {
    const id = requestId(c.req.param('id'));
    const form = parseInput(editForm, await formFields(c), 'edit');
    const input = { title: form.title, letter: form.letter, jurisdiction: form.jurisdiction, expedited: form.expedited === 'true' };
    await runCommand(store, now, c, (ctx, tx) => transition({ ctx, workflow: requestWorkflow, id, action: 'edit', input }, tx));
    return c.redirect(`/disclosure-requests/${id}`, 303);
  });

  app.post('/disclosure-requests/:id/submit', async (c) => {
    const id = requestId(c.req.param('id'));
    const input = blankless(await formFields(c));
    await runCommand(store, now, c, (ctx, tx) => transition({ ctx, workflow: requestWorkflow, id, action: 'submit', input }, tx));
    return c.redirect(`/disclosure-requests/${id}`, 303);
  });

  app.post('/disclosure-requests/:id/steps/:step', async (c) => {
    const id = requestId(c.req.param('id'));
    const step = c.req.param('step');
    if (['edit', 'submit', 'receive-document', 'flag-overdue', 'note-embargo-ending', 'publish-documents'].includes(step)) throw new CommandError({ code: 'NOT_FOUND', message: `There is no form for "${step}".` });
    const { occurredAt, ...fields } = blankless(await formFields(c));
    const input = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, NUMERIC.has(key) ? Number(value) : value]));
    await runCommand(store, now, c, (ctx, tx) => transition({ ctx, workflow: requestWorkflow, id, action: step, input, ...(occurredAt !== undefined ? { occurredAt } : {}) }, tx));
    return c.redirect(`/disclosure-requests/${id}`, 303);
  });

  app.post('/disclosure-requests/:id/documents', async (c) => {
    const id = requestId(c.req.param('id'));
    const body = await c.req.parseBody();
    const file = body['file'];
    if (!(file instanceof File) || file.size === 0) throw new CommandError({ code: 'INVALID_INPUT', message: 'choose a file to upload', issues: [{ path: 'file', message: 'required' }] });
    const embargo = typeof body['embargoUntil'] === 'string' && body['embargoUntil'] !== '' ? body['embargoUntil'] : undefined;
    const messageId = typeof body['messageId'] === 'string' && body['messageId'] !== '' ? body['messageId'] : undefined;
    await receiveDocument(store, now, c, id, { fileName: file.name || 'document', mediaType: file.type || 'application/octet-stream', content: new Uint8Array(await file.arrayBuffer()), embargoUntil: embargo, messageId });
    return c.redirect(`/disclosure-requests/${id}`, 303);
  });

  app.get('/disclosure-agencies/:agency', async (c) => {
    const agencyId = c.req.param('agency');
    const actor = c.get('auth').actor;
    const [statistics] = await agencyStatistics(store.db, agencyId);
    const list = await listRequests(store.db, { agencyId, limit: 100, offset: 0 });
    const requests = await Promise.all(list.items.map((r) => readRequestFor(store, actor, r.id)));
    return pageResponse(c, disclosureAgencyPage(pageFrame(c), { agencyId, statistics: statistics ?? null, requests }));
  });
}
