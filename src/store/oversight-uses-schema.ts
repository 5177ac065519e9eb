/**
 * The tables of authorised uses and audits (migration 0055), merged into `Database` here so the
 * shared schema file need not change for them.
 */
declare module './schema.js' {
  interface Database {
    oversightOffenceCategories: OversightOffenceCategoryTable;
    oversightAgencyKeys: OversightAgencyKeyTable;
    oversightAuthorizations: OversightAuthorizationTable;
    oversightUses: OversightUseTable;
    oversightSharings: OversightSharingTable;
    oversightFindings: OversightFindingTable;
    oversightAudits: OversightAuditTable;
  }
}

export interface OversightOffenceCategoryTable {
  id: string;
  label: string;
  statute: string;
  position: number;
}

/** An agency's pseudonym key: the seal-store id of the key (the key lives only there). */
export interface OversightAgencyKeyTable {
  agency: string;
  keyRef: string;
  createdAt: string;
}

export interface OversightAuthorizationTable {
  id: string;
  agency: string;
  review: string;
  product: string;
  offenceCategory: string;
  legalAuthority: string;
  issuingCourt: string;
  jurisdiction: string;
  docketRef: string | null;
  targetRef: string | null;
  targetPseudonym: string;
  /** JSON array of data-category ids. */
  dataCategories: string;
  scopeMask: number;
  validFrom: string;
  validTo: string;
  originalValidTo: string;
  extensions: number;
  retentionDays: number;
  deletionDueOn: string;
  deletedAt: string | null;
  noticeDueOn: string;
  noticeExtensions: number;
  noticeGivenAt: string | null;
  status: string;
  recordedAt: string;
  entryId: number | null;
  /** JSON object: sealed field → value a court ordered published. */
  unsealed: string;
  /** When the target's sealed value was shredded at the end of retention (0121). */
  targetShreddedAt: string | null;
}

export interface OversightUseTable {
  id: string;
  agency: string;
  authorizationId: string | null;
  cited: string;
  occurredAt: string;
  recordedAt: string;
  dataCategories: string;
  categoryMask: number;
  /** 1 when the approval was active as the use was recorded. */
  approvalActive: number;
  beforeNoticeClock: number;
  status: string;
}

export interface OversightSharingTable {
  id: string;
  authorizationId: string;
  agency: string;
  recipient: string;
  legalBasis: string | null;
  sharedAt: string;
  recordedAt: string;
}

export interface OversightFindingTable {
  id: string;
  agency: string;
  kind: string;
  subject: string;
  detail: string;
  auditId: string | null;
  raisedAt: string;
}

export interface OversightAuditTable {
  id: string;
  agency: string;
  periodStart: string;
  periodEnd: string;
  asOf: string;
  status: string;
  runBy: string;
  findingsCount: number;
  findingsDigest: string;
  findingsByKind: string;
  signedOffAt: string | null;
  signedOffBy: string | null;
  note: string | null;
  statistics: string | null;
}
