import { z } from 'zod';
import { SYSTEM } from '../../accounts/actor.js';
import { designationId } from '../../registry/schemas/designation.js';
import type { AppendedEvent, EventSubscriber } from '../../kernel/events/event-subscriber.js';
import { transition } from '../../kernel/workflow/transition.js';
import type { OversightTransaction } from '../oversight-transaction.js';
import { ACTIVE_APPROVAL_STATUSES, type ReviewStatus } from './acquisition-review.js';
import { acquisitionReviewWorkflow } from './review-workflow.js';

const incidentEntry = z.object({ record: z.object({ id: z.string(), title: z.string(), product: z.string().optional(), products: z.array(z.string()).optional(), vendor: z.string().optional(), vendors: z.array(z.string()).optional() }) });
const designationEntry = z.object({ record: z.object({ id: z.string().optional(), subject: z.string(), authority: z.string(), list: z.string(), listed: z.string() }) });

/** Active approvals, and approvals under a stop-work order (lifting it then leads to re-evaluation). */
const FLAGGABLE: readonly ReviewStatus[] = [...ACTIVE_APPROVAL_STATUSES, 'stop-work'];

interface Touch {
  readonly trigger: string;
  readonly title: string;
  readonly products: readonly string[];
  readonly organizations: readonly string[];
}

/** What an entry touches: the records it names, as the registry wrote them. */
async function touchOf(event: AppendedEvent, tx: OversightTransaction): Promise<Touch | null> {
  if (event.type === 'registry.incident.upserted') {
    const { record } = incidentEntry.parse(event.data);
    const products = [...new Set([...(record.product ? [record.product] : []), ...(record.products ?? [])])];
    const vendors = new Set([...(record.vendor ? [record.vendor] : []), ...(record.vendors ?? [])]);
    for (const p of products) {
      const product = await tx.registry.getRecord('product', p);
      if (product) vendors.add(product.vendor);
    }
    return { trigger: `incident:${record.id}`, title: record.title, products, organizations: [...vendors] };
  }
  if (event.type === 'registry.designation.recorded') {
    const { record } = designationEntry.parse(event.data);
    const id = designationId(record);
    return { trigger: `designation:${id}`, title: `${record.authority} ${record.list}: ${record.subject} (${record.listed})`, products: [], organizations: [record.subject] };
  }
  return null;
}

/**
 * Moves every active approval touched by a new incident or designation to
 * `re-evaluation-required`, with the record linked: an incident of the reviewed product, of any
 * product of the vendor's corporate family, or naming any organisation of that family; a
 * designation of any of them. An edit of a record the review already weighed (cited as evidence,
 * or a trigger before) changes nothing.
 */
export async function reEvaluateApprovals(event: AppendedEvent, tx: OversightTransaction): Promise<number> {
  // A registry import writes thousands of records: with no active approval there is nothing to flag.
  if (!(await tx.oversight.anyInStatus(FLAGGABLE))) return 0;
  const touch = await touchOf(event, tx);
  if (touch === null) return 0;
  const family = new Set<string>();
  for (const org of touch.organizations) for (const id of await tx.oversight.relatedOrganizations(org)) family.add(id);
  const products = new Set([...touch.products, ...(await tx.oversight.productsOf([...family]))]);
  const reviews = (await tx.oversight.reviewsTouching(FLAGGABLE, [...products], [...family])).filter((r) => r.status !== 'stop-work' || (r.stoppedFrom !== null && ACTIVE_APPROVAL_STATUSES.includes(r.stoppedFrom)));
  const ctx = { actor: SYSTEM, now: new Date(event.time) };
  let moved = 0;
  for (const review of reviews) {
    const weighed = review.factors.some((f) => f.evidence.includes(touch.trigger)) || review.reEvaluations.some((r) => r.trigger === touch.trigger);
    if (weighed) continue;
    await transition({ ctx, workflow: acquisitionReviewWorkflow, id: review.id, action: 're-evaluate', input: { trigger: touch.trigger, title: touch.title.slice(0, 1000) } }, tx);
    moved += 1;
  }
  return moved;
}

/** Wired in `src/app/event-runtime.ts`. */
export const reEvaluationSubscriber: EventSubscriber<OversightTransaction> = {
  name: 'oversight.re-evaluate-approvals',
  on: ['registry.incident.upserted', 'registry.designation.recorded'],
  async handle(event, tx) {
    await reEvaluateApprovals(event, tx);
  },
};
