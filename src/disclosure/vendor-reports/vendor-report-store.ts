/** The kinds of buyer a vendor reports selling to (or turning down). */
export const AGENCY_TYPES = ['law-enforcement', 'intelligence', 'military', 'immigration', 'other-government', 'private'] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

export const AGENCY_TYPE_LABELS: Readonly<Record<AgencyType, string>> = {
  'law-enforcement': 'Law enforcement',
  intelligence: 'Intelligence service',
  military: 'Military',
  immigration: 'Immigration or border agency',
  'other-government': 'Other government body',
  private: 'Private client',
};

export interface ReportedSale {
  /** ISO 3166-1 alpha-2, as the registry writes countries (US, IL). */
  readonly country: string;
  readonly agencyType: AgencyType;
  readonly description?: string | undefined;
}

export interface RejectedClient {
  readonly country: string;
  readonly agencyType: AgencyType;
  /** Why the client failed the vendor's human-rights standards. */
  readonly reason: string;
}

/** The report a vendor files for one calendar year (the 2021 joint letter, item d). */
export interface VendorReportContent {
  readonly vendor: string;
  readonly year: number;
  readonly selfIdentification: string;
  readonly products: readonly string[];
  readonly dueDiligence: string;
  readonly risksAddressed: string;
  readonly sales: readonly ReportedSale[];
  readonly rejectedClients: readonly RejectedClient[];
}

/** An analyst's sourced contradiction: a registry source or incident the report does not square with. */
export interface VendorReportAnnotation {
  readonly id: string;
  readonly reportId: string;
  readonly note: string;
  readonly sourceId: string | null;
  readonly incidentId: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
}

export interface VendorReportRow extends VendorReportContent {
  readonly id: string;
  readonly status: 'published';
  readonly filedBy: string;
  readonly filedAt: string;
  readonly annotations: readonly VendorReportAnnotation[];
}

export interface VendorReportStore {
  insertReport(report: Omit<VendorReportRow, 'annotations'>): Promise<void>;
  findReport(id: string): Promise<VendorReportRow | null>;
  findReportFor(vendor: string, year: number): Promise<VendorReportRow | null>;
  listReports(query: { vendor?: string | undefined; year?: number | undefined; limit: number; offset: number }): Promise<{ items: VendorReportRow[]; total: number }>;
  insertAnnotation(annotation: VendorReportAnnotation): Promise<void>;
}
