import type { ChangeTable, ContractTable, ContractTransactionTable, DesignationTable, FactSourceTable, IncidentLinkTable, IncidentTable, OrganizationTable, PersonTable, PolicyTable, ProductTable, RecordIdentifierTable, RecordNameTable, RelationshipTable, SearchDocumentTable, SourceTable, TipTable } from './tables/registry-tables.js';
import type { ApiTokenTable, GrantTable, SessionTable, UserTable } from './tables/account-tables.js';
import type { DeadlineTable, LogCheckpointTable, LogCosignatureTable, LogEntrySubjectTable, LogEntryTable, LogTileTable, SealOpeningTable, SealedValueTable } from './tables/log-tables.js';
import type { AlertAnnotationTable, AlertTable, ScreenedObservationTable } from './tables/procurement-tables.js';
import type { AcquisitionReviewTable, DestinationRiskEntryTable, DocketCommentTable, DocketFindingTable, DocketReportTable, DocketTable, DocketVoteTable, ExportLicenseEvidenceTable, ExportLicenseIncidentTable, ExportLicenseProvisoTable, ExportLicenseStepTable, ExportLicenseTable } from './tables/oversight-tables.js';

// The table types live beside this file by domain (tables/); importing them from here still works.
export type * from './tables/registry-tables.js';
export type * from './tables/account-tables.js';
export type * from './tables/log-tables.js';
export type * from './tables/procurement-tables.js';
export type * from './tables/oversight-tables.js';

/**
 * The tables of Countersign as Kysely sees them (camelCase here; snake_case in the database
 * through Kysely's CamelCasePlugin). Dates are ISO 8601 text on both backends; JSON columns are
 * text holding canonical JSON. This file and the table types beside it (tables/, one file per
 * domain) are the single description of the storage shape; the migrations create it.
 */
export interface Database {
  sources: SourceTable;
  organizations: OrganizationTable;
  recordNames: RecordNameTable;
  recordIdentifiers: RecordIdentifierTable;
  people: PersonTable;
  products: ProductTable;
  relationships: RelationshipTable;
  designations: DesignationTable;
  incidents: IncidentTable;
  incidentLinks: IncidentLinkTable;
  contracts: ContractTable;
  contractTransactions: ContractTransactionTable;
  policies: PolicyTable;
  factSources: FactSourceTable;
  changes: ChangeTable;
  users: UserTable;
  sessions: SessionTable;
  apiTokens: ApiTokenTable;
  tips: TipTable;
  logEntries: LogEntryTable;
  sealedValues: SealedValueTable;
  sealOpenings: SealOpeningTable;
  grants: GrantTable;
  deadlines: DeadlineTable;
  searchDocuments: SearchDocumentTable;
  logTiles: LogTileTable;
  logCheckpoints: LogCheckpointTable;
  logCosignatures: LogCosignatureTable;
  logEntrySubjects: LogEntrySubjectTable;
  alerts: AlertTable;
  acquisitionReviews: AcquisitionReviewTable;
  exportLicenses: ExportLicenseTable;
  exportLicenseProvisos: ExportLicenseProvisoTable;
  exportLicenseEvidence: ExportLicenseEvidenceTable;
  exportLicenseSteps: ExportLicenseStepTable;
  exportLicenseIncidents: ExportLicenseIncidentTable;
  destinationRiskEntries: DestinationRiskEntryTable;
  dockets: DocketTable;
  docketComments: DocketCommentTable;
  docketVotes: DocketVoteTable;
  docketReports: DocketReportTable;
  docketFindings: DocketFindingTable;
}

// Declaration merging: each module appends its tables here, one line each, so merges stay clean.
export interface Database {
  screenedObservations: ScreenedObservationTable;
  alertAnnotations: AlertAnnotationTable;
}

// Issue #10: records requests (src/store/disclosure/requests/request-tables.ts).
import type { DisclosureRequestTables } from './disclosure/requests/request-tables.js';
export interface Database extends DisclosureRequestTables {}
