import type { ColumnType, Generated } from 'kysely';

/**
 * The tables of Countersign as Kysely sees them (camelCase here; snake_case in the database
 * through Kysely's CamelCasePlugin). Dates are ISO 8601 text on both backends; JSON columns are
 * text holding canonical JSON. This file is the single description of the storage shape; the
 * migrations create it.
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
  dockets: DocketTable;
  docketComments: DocketCommentTable;
  docketVotes: DocketVoteTable;
  docketReports: DocketReportTable;
  docketFindings: DocketFindingTable;
}

type Timestamps = {
  createdAt: string;
  updatedAt: string;
};

export interface SourceTable extends Timestamps {
  id: string;
  title: string;
  publisher: string | null;
  date: string | null;
  url: string | null;
  file: string | null;
  sha256: string | null;
  citation: string | null;
  documentNumber: string | null;
  noLinkReason: string | null;
  licence: string | null;
  notes: string | null;
  status: string;
}

export interface OrganizationTable extends Timestamps {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  locality: string | null;
  parentId: string | null;
  notes: string | null;
  status: string;
}

/** Aliases and former names of organisations, people and products. */
export interface RecordNameTable {
  recordType: string;
  recordId: string;
  name: string;
  kind: string;
  until: string | null;
  position: number;
}

/** UEI, DUNS, CAGE, LEI … of an organisation. */
export interface RecordIdentifierTable {
  recordType: string;
  recordId: string;
  scheme: string;
  value: string;
}

export interface PersonTable extends Timestamps {
  id: string;
  name: string;
  role: string | null;
  nationality: string | null;
  notes: string | null;
  status: string;
}

export interface ProductTable extends Timestamps {
  id: string;
  name: string;
  vendorId: string | null;
  /** JSON array of strings. */
  capabilities: string;
  notes: string | null;
  status: string;
}

export interface RelationshipTable extends Timestamps {
  id: string;
  fromType: string;
  fromId: string;
  type: string;
  toType: string;
  toId: string;
  startDate: string | null;
  endDate: string | null;
  asOf: string | null;
  stakePercent: number | null;
  stake: string | null;
  notes: string | null;
  status: string;
}

export interface DesignationTable extends Timestamps {
  id: string;
  subjectType: string;
  subjectId: string;
  authority: string;
  list: string;
  listedDate: string;
  delistedDate: string | null;
  reason: string | null;
  delistingReason: string | null;
  status: string;
}

export interface IncidentTable extends Timestamps {
  id: string;
  title: string;
  summary: string | null;
  date: string | null;
  forensicConfirmation: string | null;
  status: string;
  notes: string | null;
}

/** An incident's countries, target categories, products and vendors. */
export interface IncidentLinkTable {
  incidentId: string;
  linkType: string;
  value: string;
}

export interface ContractTable extends Timestamps {
  piid: string;
  awardKey: string | null;
  awardKeyNote: string | null;
  buyerId: string | null;
  fundingOfficeId: string | null;
  recipientId: string | null;
  recipientUei: string | null;
  value: number | null;
  currency: string | null;
  competition: string | null;
  term: string | null;
  description: string | null;
  notes: string | null;
  status: string;
}

export interface ContractTransactionTable extends Timestamps {
  id: string;
  piid: string;
  transactionKey: string | null;
  modification: string | null;
  event: string;
  date: string | null;
  amount: number | null;
  description: string | null;
  note: string | null;
  status: string;
}

export interface PolicyTable extends Timestamps {
  id: string;
  title: string;
  jurisdiction: string | null;
  date: string | null;
  summary: string | null;
  notes: string | null;
  /** JSON object: signatories by date, and other structured facts. */
  details: string;
  status: string;
}

/** Every fact links to at least one source. */
export interface FactSourceTable {
  recordType: string;
  recordId: string;
  sourceId: string;
}

/** Proposed and applied changes: the review queue and each record's change history. */
export interface ChangeTable {
  id: string;
  recordType: string;
  /** Public once applied; while pending or rejected it is sealed (`recordIdRef`). */
  recordId: string | null;
  recordIdRef: string | null;
  action: string;
  /** JSON of the applied record state or action input: public once applied. */
  data: string | null;
  /** The proposal as sealed (a seal-store value): what a pending or rejected change proposed. */
  dataRef: string | null;
  status: string;
  proposedBy: string;
  proposedAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  /** A rejection's note, sealed. */
  reviewNoteRef: string | null;
}

export interface UserTable {
  id: string;
  username: string;
  displayName: string | null;
  role: string;
  /** The pseudonymous id the transparency log records for this user's actions. */
  actorId: string;
  passwordHash: string | null;
  createdAt: string;
  disabledAt: string | null;
}

export interface SessionTable {
  /** SHA-256 of the session token; the token itself is only in the cookie. */
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export interface ApiTokenTable {
  id: string;
  userId: string;
  name: string;
  /** SHA-256 of the token. */
  tokenHash: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A tip: every field a tipster wrote lives in the seal store; the row refers to it. */
export interface TipTable {
  id: string;
  subjectRef: string;
  bodyRef: string;
  sourceUrlRef: string | null;
  contactRef: string | null;
  /** SHA-256 of the receipt token (the receipt page's address); null for tips from before receipts. */
  receiptHash: string | null;
  status: string;
  submittedAt: string;
  moderatedBy: string | null;
  moderatedAt: string | null;
  moderationNote: string | null;
}

export interface LogEntryTable {
  id: Generated<number>;
  /** Canonical JSON (RFC 8785) of the entry, exactly the bytes the Merkle leaf hashes. */
  entry: string;
  type: string;
  createdAt: string;
  /** The index the sequencer assigned, null while pending. */
  leafIndex: ColumnType<number | null, number | null | undefined, number | null>;
}

/** The seal store: the one place the plaintext of a sealed value lives. Deleting a row erases it. */
export interface SealedValueTable {
  id: string;
  /** Values shredded together (a review item's details and the match its log entry sealed). */
  groupId: string;
  /** Canonical JSON of the value. */
  value: string;
  createdAt: string;
}

/** The opening of a sealed field of a log entry: which value it opens, and the random salt. */
export interface SealOpeningTable {
  logEntryId: number;
  field: string;
  valueId: string;
  /** Hex of the random opening (≥ 16 bytes). */
  opening: string;
  unsealedAt: string | null;
}

/** A scoped role: `officer` of `agency:ice`, `board-member` of `board:seattle`. */
export interface GrantTable {
  id: string;
  userId: string;
  role: string;
  scopeKind: string;
  scopeId: string;
  grantedAt: string;
  /** The granting actor's pseudonymous id. */
  grantedBy: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

/** A deadline of a case: open until a transition stops it or the tick fires it. */
export interface DeadlineTable {
  id: string;
  caseType: string;
  caseId: string;
  kind: string;
  label: string;
  /** The UTC instant it falls due. */
  dueAt: string;
  /** The local due date, for date deadlines. */
  dueDate: string | null;
  /** The calendar (jurisdiction) it was computed with. */
  calendar: string | null;
  state: string;
  /** The log entry type the tick appends when it fires. */
  firesEvent: string;
  /** A transition the tick runs on the case when it fires. */
  onFire: string | null;
  startedAt: string;
  firedAt: string | null;
  stoppedAt: string | null;
  stopReason: string | null;
}

/** One searchable text of a record; the full-text index sits on top of this. */
export interface SearchDocumentTable {
  id: Generated<number>;
  recordType: string;
  recordId: string;
  /** name | alias | former | text */
  field: string;
  /** Case- and accent-folded text that is indexed. */
  content: string;
}

/** One tile of the log's tree, at its latest width. */
export interface LogTileTable {
  level: number;
  idx: number;
  width: number;
  hashes: Uint8Array;
  inner: Uint8Array | null;
}

/** Every checkpoint the log signed. */
export interface LogCheckpointTable {
  size: number;
  /** Hex. */
  rootHash: string;
  /** The signed note, exactly as served. */
  note: string;
  createdAt: string;
  /** The size of the checkpoint stored just before this one; NULL for the first (migration 0040). */
  previousSize: Generated<number | null>;
}

/** A witness's cosignature line on a checkpoint. */
export interface LogCosignatureTable {
  size: number;
  witness: string;
  signatureLine: string;
  receivedAt: string;
}

/** A subject (`organization:paragon-solutions`) an entry concerns. */
export interface LogEntrySubjectTable {
  subject: string;
  logEntryId: number;
}

/** A screening match: an alert, or an item in the review queue. */
export interface AlertTable {
  id: string;
  transactionKey: string;
  status: string;
  decision: string;
  /** A review item's details while they are sealed (pending or dismissed): a seal-store value. */
  detailsRef: string | null;
  // Public once raised or confirmed; null while sealed.
  awardKey: string | null;
  piid: string | null;
  modification: string | null;
  actionDate: string | null;
  amount: number | null;
  organizationId: string | null;
  organizationName: string | null;
  event: string | null;
  score: number | null;
  /** JSON array of strings. */
  reasons: string | null;
  /** JSON of the screened transaction. */
  transaction: string | null;
  /** The file name and line, or API URL, it was found in (never a server path). */
  origin: string | null;
  watchlistVersion: string | null;
  createdAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
}

/** An acquisition review under EO 14093 (issue #8): list columns, and the review whole as canonical JSON. */
export interface AcquisitionReviewTable {
  id: string;
  agency: string;
  product: string;
  vendor: string;
  contract: string | null;
  status: string;
  openedOn: string;
  updatedAt: string;
  /** The review as its log entries carry it (status is the column's). */
  document: string;
}

// Issue #10: records requests (src/store/disclosure/requests/request-tables.ts).
import type { DisclosureRequestTables } from './disclosure/requests/request-tables.js';
export interface Database extends DisclosureRequestTables {}
/** A community oversight docket; `proposal`, `notice`, `hearing` and `decision` are JSON text. */
export interface DocketTable {
  id: string;
  jurisdiction: string;
  agency: string;
  technology: string;
  product: string | null;
  vendor: string | null;
  title: string;
  status: string;
  proposal: string;
  openedBy: string;
  openedAt: string;
  notice: string | null;
  hearing: string | null;
  decision: string | null;
  reportDueOn: string | null;
  expiresOn: string | null;
  renewedAt: string | null;
}

/** A comment on a docket: sealed (by reference) until published. */
export interface DocketCommentTable {
  id: string;
  docketId: string;
  status: string;
  textRef: string | null;
  contactRef: string | null;
  text: string | null;
  submittedAt: string;
  moderatedAt: string | null;
  moderatedBy: string | null;
  publishedEntryId: number | null;
}

export interface DocketVoteTable {
  docketId: string;
  member: string;
  vote: string;
  note: string | null;
  castAt: string;
}

/** One annual report period of an approved docket. */
export interface DocketReportTable {
  docketId: string;
  dueOn: string;
  status: string;
  filedAt: string | null;
  late: number;
  /** JSON object of section key to text, once filed. */
  sections: string | null;
}

/** A use of a technology with no approved docket. */
export interface DocketFindingTable {
  id: string;
  jurisdiction: string;
  agency: string;
  technology: string;
  observedOn: string;
  description: string;
  /** JSON array of source ids. */
  sources: string;
  recordedAt: string;
  recordedBy: string;
}
