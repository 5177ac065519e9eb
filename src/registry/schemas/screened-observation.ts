import { z } from 'zod';
import { recordIdSchema } from './common.js';
import { sha256Schema } from './source.js';

/** The fields a screened row may report differently from the documented record (contract or transaction). */
export const OBSERVED_FIELDS = ['date', 'modification', 'amount', 'description', 'transactionKey', 'awardKey', 'recipientUei', 'buyer', 'fundingOffice', 'recipient', 'value'] as const;
export type ObservedField = (typeof OBSERVED_FIELDS)[number];

/**
 * What one screened procurement row says about a contract or one of its transactions, cited by the
 * file it came from (its name, SHA-256 and row) or the API address. Issue #13 ("provenance that
 * cannot be upgraded by accident"): a screened file may be an illustrative sample, so its values
 * never overwrite documented ones — they are kept here, beside them, each with its own source,
 * until an editor decides. `values` holds only what the row says differently from (or in addition
 * to) the record; empty means the record itself was read from this row.
 */
export const screenedObservationSchema = z.strictObject({
  /** The registry source standing for the screened file (or the API answer). */
  source: recordIdSchema,
  /** The file's name (never its path on the server), or the API URL. */
  file: z.string().min(1).max(2000),
  sha256: sha256Schema.optional(),
  /** The file's line the row was read from (1 is the header of a CSV). */
  row: z.number().int().positive().optional(),
  /** USAspending's contract_transaction_unique_key of the row, so screening it again finds it. */
  transactionKey: z.string().min(5).max(200).optional(),
  values: z.partialRecord(z.enum(OBSERVED_FIELDS), z.union([z.string().max(10_000), z.number().finite()])).default({}),
});
export type ScreenedObservation = z.infer<typeof screenedObservationSchema>;
