import { z } from 'zod';

/** A record id: lower-case slug, as in `paragon-solutions-us`. Ids appear in URLs, so keep them tame. */
export const recordIdSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/, 'must be a lower-case slug (a-z, 0-9, hyphens), 1-100 characters');

/**
 * An ISO 8601 calendar date, possibly reduced: `2024`, `2024-12` or `2024-12-05`. Sources often
 * give only a month ("a month-only date means the day is not known"), and the registry must not
 * invent a day.
 */
export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'must be an ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD');

/** A full ISO 8601 calendar date (YYYY-MM-DD). */
export const fullDateSchema = z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/, 'must be an ISO 8601 date YYYY-MM-DD');

/** ISO 3166-1 alpha-2 country code. */
export const countrySchema = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as US or IL');

/** How well a fact is established: press reports → documented by an official source or letter → verified by an editor. */
export const RECORD_STATUSES = ['reported', 'documented', 'verified'] as const;
export const recordStatusSchema = z.enum(RECORD_STATUSES);
export type RecordStatus = z.infer<typeof recordStatusSchema>;

/** Every fact links to at least one source. */
export const sourceIdsSchema = z.array(recordIdSchema).min(1, 'every fact needs at least one source');

export const nameSchema = z.string().trim().min(1, 'must not be empty').max(300);
export const textSchema = z.string().trim().min(1, 'must not be empty').max(10_000);

/** The kinds of record the registry holds; they name tables, URLs and log event types. */
export const RECORD_TYPES = [
  'source',
  'organization',
  'person',
  'product',
  'relationship',
  'designation',
  'incident',
  'contract',
  'transaction',
  'policy',
] as const;
export const recordTypeSchema = z.enum(RECORD_TYPES);
export type RecordType = z.infer<typeof recordTypeSchema>;

export function isRecordType(value: string): value is RecordType {
  return RECORD_TYPES.some((t) => t === value);
}
