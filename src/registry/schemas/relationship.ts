import { z } from 'zod';
import { nameSchema, partialDateSchema, recordIdSchema, recordStatusSchema, sourceIdsSchema, textSchema } from './common.js';

/**
 * Typed, dated links between organisations and people. Read "from TYPE to": `paragon-solutions-us
 * subsidiary-of paragon-solutions`, `ae-industrial-partners acquired paragon-solutions`.
 */
export const RELATIONSHIP_TYPES = [
  'subsidiary-of',
  'acquired',
  'invested-in',
  'affiliate-of',
  'part-of',
  'renamed-from',
  'member-of-consortium',
  'enabler-of',
  'owner-of',
  'officer-of',
  'founder-of',
  'supplier-to',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const relationshipSchema = z.strictObject({
  id: recordIdSchema.optional(),
  from: recordIdSchema,
  type: z.enum(RELATIONSHIP_TYPES),
  to: recordIdSchema,
  /** When the relationship began (an acquisition's date). */
  date: partialDateSchema.optional(),
  end: partialDateSchema.optional(),
  /**
   * When a source describes the relationship as holding, where it gives no start date: a Treasury
   * designation naming someone a company's manager dates the fact to the designation, not the
   * appointment. Never a guessed start date.
   */
  asOf: partialDateSchema.optional(),
  /**
   * The share of the `to` party held (an investor's or owner's stake), in per cent, where a source
   * states it. Never derived from a price or a share count the source did not turn into a stake.
   */
  stakePercent: z.number().gt(0, 'must be more than 0').max(100, 'must be at most 100').optional(),
  /** The stake in the source's words where it gives no number ("a majority stake", "controlling interest"). */
  stake: nameSchema.max(300).optional(),
  notes: textSchema.optional(),
  sources: sourceIdsSchema,
  status: recordStatusSchema.default('reported'),
});
export type Relationship = z.infer<typeof relationshipSchema>;

/** A relationship's id when none is given: stable, so importing the same dataset twice is idempotent. */
export function relationshipId(r: Pick<Relationship, 'from' | 'type' | 'to' | 'id'>): string {
  return r.id ?? `${r.from}--${r.type}--${r.to}`.slice(0, 100);
}
