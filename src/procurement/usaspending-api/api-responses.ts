import { z } from 'zod';

// The API returns amounts as strings in search results and as numbers in /api/v2/transactions/.
const amount = z.union([z.string(), z.number()]).nullable().optional();
const text = z.string().nullable().optional();

const pageMetadata = z.object({
  page: z.number(),
  hasNext: z.boolean(),
  next: z.number().nullable().optional(),
});

/** One row of `POST /api/v2/search/spending_by_transaction/`, with the fields the sync asks for. */
export const searchResultSchema = z.object({
  internal_id: z.union([z.string(), z.number()]).nullable().optional(),
  generated_internal_id: text,
  'Award ID': text,
  Mod: text,
  'Recipient Name': text,
  'Recipient UEI': text,
  'Action Date': text,
  'Transaction Amount': amount,
  'Transaction Description': text,
  'Action Type': text,
  'Awarding Agency': text,
  'Awarding Sub Agency': text,
  'Funding Agency': text,
  'Funding Sub Agency': text,
  'Award Type': text,
  awarding_agency_id: z.union([z.string(), z.number()]).nullable().optional(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

/** `POST /api/v2/search/spending_by_transaction/` (usaspending-api contracts/v2/search/spending_by_transaction.md). */
export const spendingByTransactionSchema = z.object({
  limit: z.number().optional(),
  results: z.array(searchResultSchema),
  page_metadata: pageMetadata,
});
export type SpendingByTransactionResponse = z.infer<typeof spendingByTransactionSchema>;

/** One row of `POST /api/v2/transactions/` (contracts/v2/transactions.md). */
export const awardTransactionSchema = z.object({
  id: z.string(),
  type: text,
  type_description: text,
  action_date: z.string(),
  action_type: text,
  action_type_description: text,
  modification_number: text,
  description: text,
  federal_action_obligation: amount,
});
export type AwardTransaction = z.infer<typeof awardTransactionSchema>;

export const awardTransactionsSchema = z.object({
  results: z.array(awardTransactionSchema),
  page_metadata: pageMetadata,
});
export type AwardTransactionsResponse = z.infer<typeof awardTransactionsSchema>;
