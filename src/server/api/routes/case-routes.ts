import { z } from 'zod';
import { CommandError } from '../../../core/command-error.js';
import { deadlineFeed } from '../../../kernel/deadlines/deadline-feed.js';
import type { Workflow } from '../../../kernel/workflow/workflow.js';
import type { Store, StoreTransaction } from '../../../store/store.js';
import { deadlinesOfCase } from '../../../store/kernel/kysely-deadline-store.js';
import type { ApiRouter } from '../api-router.js';

const caseParams = z.object({ caseType: z.string().regex(/^[a-z][a-z-]{0,39}$/), id: z.string().min(1).max(100).regex(/^[A-Za-z0-9._:-]+$/) });

const deadlinePresenter = z.object({
  id: z.uuid(), kind: z.string(), label: z.string(), dueAt: z.string(), dueDate: z.string().nullable(), calendar: z.string().nullable(),
  state: z.enum(['open', 'fired', 'stopped']), startedAt: z.string(), firedAt: z.string().nullable(), stoppedAt: z.string().nullable(),
});

/**
 * Every case's deadlines, as JSON and as an iCalendar feed to subscribe to (RFC 5545) — for any
 * workflow, to whoever may read the case (a docket's to anyone, a tip's to analysts).
 */
export function addCaseRoutes(router: ApiRouter, store: Store, workflows: ReadonlyMap<string, Workflow<unknown, StoreTransaction>>, publicUrl: string): void {
  const readable = async (actor: Parameters<Workflow<unknown, StoreTransaction>['readableBy']>[0], caseType: string, id: string) => {
    const workflow = workflows.get(caseType);
    const found = workflow ? await store.transaction((tx) => workflow.load(tx, id)) : null;
    // A case the caller may not read is as absent as one that does not exist.
    if (!workflow || found === null || !workflow.readableBy(actor, found)) throw new CommandError({ code: 'NOT_FOUND', message: `no ${caseType} "${id}"` });
    return { workflow, deadlines: await deadlinesOfCase(store.db, caseType, id) };
  };
  router.add(
    { method: 'get', path: '/cases/{caseType}/{id}/deadlines', operationId: 'listCaseDeadlines', summary: "A case's deadlines: open, fired or stopped", tag: 'workflows', params: caseParams, responses: { 200: { description: 'The deadlines, by due time', schema: z.object({ items: z.array(deadlinePresenter) }) } } },
    async (c, { params, reply }) => reply({ items: (await readable(c.get('auth').actor, params.caseType, params.id)).deadlines }),
  );
  router.add(
    { method: 'get', path: '/cases/{caseType}/{id}/deadlines.ics', operationId: 'caseDeadlinesCalendar', summary: "A case's deadlines as an iCalendar feed to subscribe to", tag: 'workflows', params: caseParams, responses: { 200: { description: 'RFC 5545 calendar', contentType: 'text/calendar' } } },
    async (c, { params }) => {
      const { workflow, deadlines } = await readable(c.get('auth').actor, params.caseType, params.id);
      const ics = deadlineFeed({ name: `Countersign: ${workflow.label} ${params.id}`, url: `${publicUrl}/api/v1/cases/${params.caseType}/${encodeURIComponent(params.id)}/deadlines`, deadlines, host: new URL(publicUrl).host });
      return c.body(ics, 200, { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `inline; filename="${params.caseType}-${params.id.replace(/[^A-Za-z0-9-]/g, '_')}.ics"` });
    },
  );
}
