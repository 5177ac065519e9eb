/**
 * Where each workflow's cases live: the table, its state column and, if it has one, the column
 * that records when the state last changed. A new workflow adds its line here.
 */
export const CASE_TABLES: Readonly<Record<string, { readonly table: string; readonly state: string; readonly changedAt?: string }>> = {
  change: { table: 'changes', state: 'status' },
  tip: { table: 'tips', state: 'status' },
  alert: { table: 'alerts', state: 'status' },
  'export-license': { table: 'export_licenses', state: 'status' },
  'disclosure-request': { table: 'disclosure_requests', state: 'status' },
  'acquisition-review': { table: 'acquisition_reviews', state: 'status' },
  authorization: { table: 'oversight_authorizations', state: 'status' },
  use: { table: 'oversight_uses', state: 'status' },
  audit: { table: 'oversight_audits', state: 'status' },
  docket: { table: 'dockets', state: 'status' },
  complaint: { table: 'complaints', state: 'status' },
  'target-notice': { table: 'targetNotices', state: 'status' },
  'vendor-report': { table: 'vendorReports', state: 'status' },
};
