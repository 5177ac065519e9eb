/**
 * Where each workflow's cases live: the table, its state column and, if it has one, the column
 * that records when the state last changed. A new workflow adds its line here.
 */
export const CASE_TABLES: Readonly<Record<string, { readonly table: string; readonly state: string; readonly changedAt?: string }>> = {
  change: { table: 'changes', state: 'status' },
  tip: { table: 'tips', state: 'status' },
  alert: { table: 'alerts', state: 'status' },
  'acquisition-review': { table: 'acquisition_reviews', state: 'status' },
  'disclosure-request': { table: 'disclosure_requests', state: 'status' },
  docket: { table: 'dockets', state: 'status' },
};
