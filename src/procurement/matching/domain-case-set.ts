import { z } from 'zod';
import type { RecipientFields, Watchlist } from './types.js';

/**
 * The shape of Countersign's domain test set for the recipient matcher
 * (test/fixtures/name-matching/countersign-domain-cases.json): a watchlist compiled from the
 * registry's facts and labelled recipients. Validated here so the test and the bench read it the
 * same way; the file itself is read by them.
 */

const identifiers = z.object({ uei: z.array(z.string()), duns: z.array(z.string()), cage: z.array(z.string()) });

const watchlistSchema = z.object({
  version: z.string(),
  entries: z.array(
    z.object({
      organizationId: z.string(),
      organizationName: z.string(),
      names: z.array(z.object({ value: z.string(), kind: z.enum(['primary', 'alias', 'former']) })),
      identifiers,
      related: z.array(z.object({ organizationId: z.string(), organizationName: z.string(), relation: z.string() })),
    }),
  ),
});

const recipientSchema = z.object({
  uei: z.string().default(''),
  duns: z.string().default(''),
  cage: z.string().default(''),
  parentUei: z.string().default(''),
  parentDuns: z.string().default(''),
  name: z.string().default(''),
  nameRaw: z.string().default(''),
  doingBusinessAs: z.string().default(''),
  parentName: z.string().default(''),
  parentNameRaw: z.string().default(''),
});

const caseSchema = z.object({
  id: z.string(),
  recipient: recipientSchema,
  expected: z.enum(['alert', 'review', 'none']),
  organizationId: z.string().optional(),
  why: z.string(),
});

const caseSetSchema = z.object({ about: z.string(), watchlist: watchlistSchema, cases: z.array(caseSchema) });

/** One labelled recipient. */
export interface DomainCase {
  readonly id: string;
  readonly recipient: RecipientFields;
  readonly expected: 'alert' | 'review' | 'none';
  /** The registry organisation an alert or review must name. */
  readonly organizationId: string | undefined;
  readonly why: string;
}

/** The parsed set. */
export interface DomainCaseSet {
  readonly watchlist: Watchlist;
  readonly cases: readonly DomainCase[];
}

/**
 * Validates the parsed JSON of the domain test set.
 *
 * @example
 * const set = parseDomainCaseSet(JSON.parse(readFileSync(path, 'utf8')));
 * createRecipientMatcher(set.watchlist).match(set.cases[0].recipient);
 */
export function parseDomainCaseSet(json: unknown): DomainCaseSet {
  const parsed = caseSetSchema.parse(json);
  return {
    watchlist: parsed.watchlist,
    cases: parsed.cases.map((entry) => ({ ...entry, organizationId: entry.organizationId })),
  };
}
