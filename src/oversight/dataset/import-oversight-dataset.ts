import { z } from 'zod';
import type { CommandContext } from '../../accounts/command-context.js';
import { CommandError } from '../../core/command-error.js';
import type { OversightTransaction } from '../oversight-transaction.js';
import { openReview, REVIEW_ACTIONS, runReviewStep } from '../reviews/review-commands.js';

/** The bundled oversight dataset (`dataset/oversight.json`): reviews as the public record documents them, step by step. */
export const oversightDatasetSchema = z.strictObject({
  format: z.literal('countersign-oversight/1'),
  about: z.string().optional(),
  reviews: z.array(z.strictObject({
    id: z.string(),
    open: z.record(z.string(), z.unknown()),
    steps: z.array(z.strictObject({ action: z.string().refine((a) => REVIEW_ACTIONS.includes(a), 'must be a step of an acquisition review'), input: z.record(z.string(), z.unknown()) })),
  })),
});
export type OversightDataset = z.infer<typeof oversightDatasetSchema>;

/** Parses the dataset's text, naming the path of what is wrong. */
export function parseOversightDataset(text: string, name = 'dataset/oversight.json'): OversightDataset {
  const parsed = oversightDatasetSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new CommandError({ code: 'INVALID_INPUT', message: `${name}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` });
  return parsed.data;
}

/**
 * Records the dataset's reviews through the workflow, as the system, each step as its own log
 * entry — so the documented case replays and verifies like any other. A review already recorded,
 * or one whose agency, product or vendor the registry lacks, is skipped: loading twice changes
 * nothing.
 */
export async function importOversightDataset({ ctx, dataset }: { ctx: CommandContext; dataset: OversightDataset }, tx: OversightTransaction): Promise<{ loaded: string[]; skipped: string[] }> {
  const loaded: string[] = [];
  const skipped: string[] = [];
  for (const item of dataset.reviews) {
    const { agency, product, vendor } = item.open;
    const present = typeof agency === 'string' && typeof product === 'string' && typeof vendor === 'string'
      && (await tx.registry.getRecord('organization', agency)) !== null && (await tx.registry.getRecord('product', product)) !== null && (await tx.registry.getRecord('organization', vendor)) !== null;
    if (!present || (await tx.oversight.review(item.id)) !== null) {
      skipped.push(item.id);
      continue;
    }
    await openReview({ ctx, input: { ...item.open, id: item.id } }, tx);
    for (const step of item.steps) await runReviewStep({ ctx, id: item.id, action: step.action, input: step.input }, tx);
    loaded.push(item.id);
  }
  return { loaded, skipped };
}
