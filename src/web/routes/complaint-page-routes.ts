import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { CommandError } from '../../core/command-error.js';
import { complainantStep, complaintByToken, handleComplaint, submitComplaint } from '../../disclosure/complaints/complaint-commands.js';
import { complaintWorkflow } from '../../disclosure/complaints/complaint-workflow.js';
import { decryptEvidence } from '../../disclosure/complaints/evidence-cipher.js';
import { handledBodies } from '../../server/api/routes/complaint-routes.js';
import { runCommand } from '../../server/api/command-runner.js';
import type { AppEnv } from '../../server/app-env.js';
import { complaintBodies, recordLabels, remedyStores } from '../../store/disclosure/kysely-remedy-stores.js';
import { complaintFormPage, complaintPage, complaintQueuePage, complaintStatusPage, EMPTY_COMPLAINT, type ComplaintFormValues } from '../pages/complaint-pages.js';
import type { PortalDependencies } from '../portal-dependencies.js';
import { formFields, pageFrame, pageResponse } from './page-response.js';

const uuid = z.uuid();
const STEPS = ['route', 'review', 'close', 'link', 'erase'] as const;

/**
 * Complaints in the portal: the intake form (multipart, no script, optional evidence file), the
 * complainant's private status page with its consent and erase forms, the handlers' queue and a
 * complaint's page with a form per step and its evidence to download.
 */
export function addComplaintPageRoutes(app: Hono<AppEnv>, { store, now = () => new Date() }: PortalDependencies): void {
  const db = store.db;
  const idOf = (c: Context<AppEnv>) => {
    const id = c.req.param('id') ?? '';
    if (!uuid.safeParse(id).success) throw new CommandError({ code: 'NOT_FOUND', message: 'There is no complaint with this reference.' });
    return id;
  };
  app.get('/complaints/new', async (c) => pageResponse(c, complaintFormPage(pageFrame(c), EMPTY_COMPLAINT, [], await complaintBodies(db))));

  app.post('/complaints/new', async (c) => {
    const form = await c.req.parseBody();
    const text = (key: string) => (typeof form[key] === 'string' ? form[key] : '');
    const values: ComplaintFormValues = { body: text('body'), account: text('account'), name: text('name'), contact: text('contact') };
    const file = form['file'];
    const evidence = file instanceof File && file.size > 0 ? [{ fileName: file.name || 'evidence', mediaType: file.type || 'application/octet-stream', contentBase64: Buffer.from(await file.arrayBuffer()).toString('base64') }] : [];
    const input = {
      account: values.account, ...(values.body ? { body: values.body } : {}), ...(values.name.trim() ? { name: values.name } : {}), ...(values.contact.trim() ? { contact: values.contact } : {}),
      ...(evidence.length > 0 ? { evidence } : {}),
    };
    try {
      const { token } = await runCommand(store, now, c, (ctx, tx) => submitComplaint({ ctx, complaint: input }, tx));
      return c.redirect(`/complaints/status/${token}`, 303);
    } catch (error) {
      if (error instanceof CommandError && error.code === 'INVALID_INPUT') return pageResponse(c, complaintFormPage(pageFrame(c), values, error.issues, await complaintBodies(db)), 400);
      throw error;
    }
  });

  app.get('/complaints/status/:token', async (c) => {
    const token = c.req.param('token');
    const complaint = await complaintByToken(token, { remedy: remedyStores(db) });
    // The address is the key: never sent on as a referrer, never kept by a cache.
    c.header('referrer-policy', 'no-referrer');
    const res = pageResponse(c, complaintStatusPage(pageFrame(c), complaint, token, await complaintBodies(db), await recordLabels(db, { incidents: [complaint.incidentId] })));
    res.headers.set('cache-control', 'private, no-store');
    return res;
  });
  for (const action of ['consent', 'erase'] as const) {
    app.post(`/complaints/status/:token/${action}`, async (c) => {
      const token = c.req.param('token');
      await runCommand(store, now, c, (ctx, tx) => complainantStep({ ctx, token, action }, tx));
      return c.redirect(`/complaints/status/${token}`, 303);
    });
  }

  app.get('/complaints', async (c) => {
    const bodies = handledBodies(c.get('auth').actor);
    const page = await remedyStores(db).complaints.listComplaints({ bodies, limit: 200, offset: 0 });
    return pageResponse(c, complaintQueuePage(pageFrame(c), page.items, await complaintBodies(db)));
  });
  const readable = async (c: Context<AppEnv>) => {
    const complaint = await remedyStores(db).complaints.findComplaint(idOf(c));
    if (!complaint || !complaintWorkflow.readableBy(c.get('auth').actor, complaint)) throw new CommandError({ code: 'NOT_FOUND', message: 'There is no complaint with this reference.' });
    return complaint;
  };
  app.get('/complaints/:id', async (c) => {
    const complaint = await readable(c);
    return pageResponse(c, complaintPage(pageFrame(c), complaint, await complaintBodies(db), await recordLabels(db, { incidents: [complaint.incidentId] })));
  });
  app.get('/complaints/:id/evidence/:n', async (c) => {
    const complaint = await readable(c);
    const n = Number(c.req.param('n'));
    const seal = Number.isInteger(n) ? complaint.evidence[n] : undefined;
    const ciphertext = seal ? await remedyStores(db).complaints.evidenceCiphertext(complaint.id, n) : null;
    if (!seal || !ciphertext) throw new CommandError({ code: 'NOT_FOUND', message: 'There is no such evidence file (or it was erased).' });
    return c.body(new Uint8Array(decryptEvidence(ciphertext, seal)), 200, { 'content-type': 'application/octet-stream', 'content-disposition': `attachment; filename="evidence-${n}"`, 'cache-control': 'private, no-store' });
  });
  for (const action of STEPS) {
    app.post(`/complaints/:id/${action}`, async (c) => {
      const id = idOf(c);
      const fields = await formFields(c);
      const input = action === 'route' ? { body: fields['body'] } : action === 'close' ? { outcome: fields['outcome'], ...(fields['message']?.trim() ? { message: fields['message'] } : {}) } : action === 'link' ? { incident: (fields['incident'] ?? '').trim() } : {};
      await runCommand(store, now, c, (ctx, tx) => handleComplaint({ ctx, id, action, input }, tx));
      return c.redirect(`/complaints/${id}`, 303);
    });
  }
}
