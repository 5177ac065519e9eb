import type { Hono } from 'hono';
import { z } from 'zod';
import { authorize, can } from '../../accounts/policies.js';
import { CommandError } from '../../core/command-error.js';
import { parseInput } from '../../core/parse-input.js';
import { acceptChange, rejectChange } from '../../registry/commands/review-change.js';
import { runCommand } from '../../server/api/command-runner.js';
import type { AppEnv } from '../../server/app-env.js';
import { getRecord } from '../../store/registry/get-record.js';
import { readChanges } from '../../store/registry/kysely-registry-store.js';
import { partyRefs } from '../../store/registry/queries/lookups.js';
import { referenceNames } from '../../store/registry/queries/reference-names.js';
import { referencedIds } from '../../registry/changes/field-changes.js';
import { reviewPage, type PendingChange } from '../pages/review-page.js';
import type { PortalDependencies } from '../portal-dependencies.js';
import { formFields, pageFrame, pageResponse } from './page-response.js';

const SHOWN = 50;
const uuid = z.uuid();
const reviewQuerySchema = z.object({ done: z.enum(['accepted', 'rejected', 'proposed']).optional() });

/** The record a change would touch, as a plain object for the comparison. */
function plain(record: object | null): Readonly<Record<string, unknown>> | null {
  return record === null ? null : Object.fromEntries(Object.entries(record));
}

/**
 * The editorial queue as pages: analysts and editors read pending changes; editors accept or
 * reject each through a plain form (303 back to the queue). The commands check the role again,
 * so a forged form from an analyst is refused with 403.
 *
 * @example
 * addReviewRoutes(app, { store, now });
 */
export function addReviewRoutes(app: Hono<AppEnv>, { store, now = () => new Date() }: PortalDependencies): void {
  app.get('/review', async (c) => {
    const actor = c.get('auth').actor;
    authorize(actor, 'change.list');
    const { done } = parseInput(reviewQuerySchema, c.req.query(), 'review');
    const pendingRows = store.db.selectFrom('changes').where('status', '=', 'pending');
    const rows = await pendingRows.selectAll().orderBy('proposedAt').orderBy('id').limit(SHOWN).execute();
    const total = Number((await pendingRows.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
    const pending: PendingChange[] = [];
    for (const change of await readChanges(store.db, rows)) {
      const current = change.recordId === null ? null : await getRecord(store.db, change.recordType, change.recordId);
      const subject = current && 'subject' in current ? (await partyRefs(store.db, [current.subject])).get(current.subject) ?? null : null;
      const proposed = typeof change.data === 'object' && change.data !== null && 'record' in change.data ? change.data.record : null;
      const names = await referenceNames(store.db, [...referencedIds(current), ...referencedIds(proposed)]);
      pending.push({ change, current: plain(current), subject, names });
    }
    return pageResponse(c, reviewPage(pageFrame(c), { pending, total, canReview: can(actor, 'change.review'), done }));
  });

  for (const verb of ['accept', 'reject'] as const) {
    app.post(`/review/:id/${verb}`, async (c) => {
      const changeId = c.req.param('id');
      if (!uuid.safeParse(changeId).success) throw new CommandError({ code: 'NOT_FOUND', message: 'There is no change with this id.' });
      const note = ((await formFields(c))['note'] ?? '').trim().slice(0, 2000);
      const review = verb === 'accept' ? acceptChange : rejectChange;
      await runCommand(store, now, c, (ctx, tx) => review({ ctx, changeId, ...(note ? { note } : {}) }, tx));
      return c.redirect(`/review?done=${verb === 'accept' ? 'accepted' : 'rejected'}`, 303);
    });
  }
}
