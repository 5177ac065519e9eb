import type { KernelTransaction } from '../kernel/kernel-transaction.js';
import type { ComplaintStore } from './complaints/complaint-store.js';
import type { TargetNoticeStore } from './target-notices/target-notice-store.js';
import type { VendorReportStore } from './vendor-reports/vendor-report-store.js';

/** The registry facts remedy steps check: an organisation, incident or source exists; a body takes complaints. */
export interface RemedyLookups {
  recordExists(type: 'organization' | 'incident' | 'source', id: string): Promise<boolean>;
  /** Whether anyone holds the complaint-handler role for this body (so a complaint there is read). */
  bodyHasHandler(body: string): Promise<boolean>;
}

export interface RemedyStores {
  readonly complaints: ComplaintStore;
  readonly notices: TargetNoticeStore;
  readonly vendorReports: VendorReportStore;
  readonly lookups: RemedyLookups;
}

/** The slice of a store transaction complaints, target notices and vendor reports write through. */
export interface RemedyTransaction extends KernelTransaction {
  readonly remedy: RemedyStores;
}
