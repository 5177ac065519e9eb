import { z } from 'zod';
import { authorize } from '../../../accounts/policies.js';
import { moderateTip } from '../../../registry/tips/moderate-tip.js';
import { submitTip, tipSchema } from '../../../registry/tips/submit-tip.js';
import { KyselyTipsStore } from '../../../store/registry/kysely-tips-store.js';
import type { Store } from '../../../store/store.js';
import type { ApiRouter } from '../api-router.js';
import { runCommand } from '../command-runner.js';
import { pageQuerySchema, uuidParamsSchema } from '../common-schemas.js';
import { pageOf } from '../presenters/page.js';
import { tipPresenter, tipReceiptPresenter } from '../presenters/tip-presenter.js';

/** Tips: anyone sends one; analysts read the queue and moderate. */
export function addTipRoutes(router: ApiRouter, store: Store, now: () => Date): void {
  router.add(
    { method: 'post', path: '/tips', operationId: 'submitTip', summary: 'Send a tip to the moderation queue (anyone; rate-limited)', tag: 'tips', body: tipSchema, responses: { 201: { description: 'The tip was received: keep the receipt token', schema: tipReceiptPresenter } } },
    async (c, { body, reply }) => {
      const { tip, receipt } = await runCommand(store, now, c, (ctx, tx) => submitTip({ ctx, tip: body }, tx));
      // The receipt token is shown once: it is the only way back to the tip's receipt page.
      return reply({ id: tip.id, status: tip.status, submittedAt: tip.submittedAt, receipt, receiptUrl: `/tips/receipt/${receipt}` }, 201);
    },
  );
  router.add(
    { method: 'get', path: '/tips', operationId: 'listTips', summary: 'The tip queue', tag: 'tips', query: pageQuerySchema.extend({ status: z.enum(['pending', 'accepted', 'dismissed']).optional() }), permission: 'tip.moderate', responses: { 200: { description: 'A page of tips', schema: pageOf(tipPresenter) } } },
    async (c, { query, reply }) => {
      authorize(c.get('auth').actor, 'tip.moderate');
      const tips = new KyselyTipsStore(store.db);
      const items = await tips.listTips(query.status, query.limit, query.offset);
      return reply({ items, total: await tips.countTips(query.status), limit: query.limit, offset: query.offset });
    },
  );
  router.add(
    { method: 'post', path: '/tips/{id}/moderation', operationId: 'moderateTip', summary: 'Accept or dismiss a tip', tag: 'tips', params: uuidParamsSchema, body: z.strictObject({ decision: z.enum(['accepted', 'dismissed']), note: z.string().max(2000).optional() }), permission: 'tip.moderate', responses: { 200: { description: 'The moderated tip', schema: tipPresenter } } },
    async (c, { params, body, reply }) => reply(await runCommand(store, now, c, (ctx, tx) => moderateTip({ ctx, tipId: params.id, moderation: body }, tx))),
  );
}
