import type { Hono } from 'hono';
import { z } from 'zod';
import { authorize } from '../../accounts/policies.js';
import { hashSecretToken } from '../../accounts/secret-token.js';
import { CommandError } from '../../core/command-error.js';
import { parseInput } from '../../core/parse-input.js';
import { moderateTip } from '../../registry/tips/moderate-tip.js';
import { submitTip } from '../../registry/tips/submit-tip.js';
import { runCommand } from '../../server/api/command-runner.js';
import type { AppEnv } from '../../server/app-env.js';
import { KyselyTipsStore } from '../../store/registry/kysely-tips-store.js';
import { EMPTY_TIP, tipFormPage, type TipFormValues } from '../pages/tip-form-page.js';
import { tipReceiptPage } from '../pages/tip-receipt-page.js';
import { tipsQueuePage } from '../pages/tips-queue-page.js';
import type { PortalDependencies } from '../portal-dependencies.js';
import { formFields, found, pageFrame, pageResponse } from './page-response.js';

const QUEUE_PAGE = 50;
const uuid = z.uuid();

const queueQuerySchema = z.object({
  status: z.enum(['pending', 'accepted', 'dismissed']).default('pending'),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  done: z.enum(['accepted', 'dismissed']).optional(),
});

/** A tip from the form: empty optional fields are left out, as if never filled in. */
function tipInput(values: TipFormValues): Record<string, string> {
  const out: Record<string, string> = { subject: values.subject, body: values.body };
  if (values.sourceUrl.trim() !== '') out['sourceUrl'] = values.sourceUrl.trim();
  if (values.contact.trim() !== '') out['contact'] = values.contact;
  return out;
}

/**
 * Tips: anyone sends one through a plain form and gets a receipt page; analysts work the queue
 * and accept or dismiss each tip. The form's POST is rate-limited like the API's (in `createApp`,
 * the tips bucket).
 *
 * @example
 * addTipRoutes(app, { store, now });
 */
export function addTipRoutes(app: Hono<AppEnv>, { store, now = () => new Date() }: PortalDependencies): void {
  app.get('/tips/new', (c) => pageResponse(c, tipFormPage(pageFrame(c), EMPTY_TIP, [])));

  app.post('/tips/new', async (c) => {
    const fields = await formFields(c);
    const values: TipFormValues = { subject: fields['subject'] ?? '', body: fields['body'] ?? '', sourceUrl: fields['sourceUrl'] ?? '', contact: fields['contact'] ?? '' };
    try {
      const { receipt } = await runCommand(store, now, c, (ctx, tx) => submitTip({ ctx, tip: tipInput(values) }, tx));
      return c.redirect(`/tips/receipt/${receipt}`, 303);
    } catch (error) {
      if (error instanceof CommandError && error.code === 'INVALID_INPUT') return pageResponse(c, tipFormPage(pageFrame(c), values, error.issues), 400);
      throw error;
    }
  });

  // The receipt's address is a random token only the tipster has; the tip id in the public log opens nothing.
  app.get('/tips/receipt/:token', async (c) => {
    const token = c.req.param('token');
    const tip = found(/^r_[A-Za-z0-9_-]{43}$/.test(token) ? await new KyselyTipsStore(store.db).findTipByReceipt(hashSecretToken(token)) : null, 'tip with this reference');
    return pageResponse(c, tipReceiptPage(pageFrame(c), tip));
  });

  app.get('/tips', async (c) => {
    authorize(c.get('auth').actor, 'tip.moderate');
    const query = parseInput(queueQuerySchema, c.req.query(), 'tip queue');
    const tips = new KyselyTipsStore(store.db);
    const items = await tips.listTips(query.status, QUEUE_PAGE, query.offset);
    const total = await tips.countTips(query.status);
    return pageResponse(c, tipsQueuePage(pageFrame(c), { status: query.status, tips: items, total, offset: query.offset, limit: QUEUE_PAGE, done: query.done }));
  });

  app.post('/tips/:id/moderation', async (c) => {
    const id = c.req.param('id');
    if (!uuid.safeParse(id).success) throw new CommandError({ code: 'NOT_FOUND', message: 'There is no tip with this reference.' });
    const fields = await formFields(c);
    const note = (fields['note'] ?? '').trim();
    const moderated = await runCommand(store, now, c, (ctx, tx) => moderateTip({ ctx, tipId: id, moderation: { decision: fields['decision'], ...(note ? { note } : {}) } }, tx));
    return c.redirect(`/tips?done=${moderated.status}`, 303);
  });
}
