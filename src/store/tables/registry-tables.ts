import type { Generated } from 'kysely';
import type { Timestamps } from './timestamps.js';

/**
 * The registry: sources, organisations, people, products, relationships, designations, incidents,
 * contracts and policies; every fact's sources; proposed changes, tips and the search documents. Part of `Database` (../schema.ts).
 */

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
