import type { Authorization } from '../authorizations/authorization.js';
import type { OffenceCategory } from '../authorizations/offence-categories.js';
import type { ReviewApprovals } from '../authorizations/review-approval.js';
import type { Audit, AuditPeriod, AuthorizationSummary } from '../audits/audit.js';
import type { Finding, Sharing, Use } from './use.js';

/** A use as stored: with the approval as it stood when the use was recorded. */
export interface UseRow extends Use {
  readonly approvalActive: boolean;
  readonly beforeNoticeClock: boolean;
}

/**
 * What authorisations, uses and audits need of storage. Audit checks are set-based: each kind of
 * finding is one query over every use or authorisation of the period, streamed — never a query
 * per use.
 */
export interface UsesStore extends ReviewApprovals {
  offenceCategories(): Promise<OffenceCategory[]>;
  /** Replaces the configured list (in its order). */
  replaceOffenceCategories(categories: readonly OffenceCategory[]): Promise<void>;
  /** The seal-store id of the agency's pseudonym key, if it has one. */
  agencyKeyRef(agency: string): Promise<string | null>;
  /** Records the agency's key unless another transaction got there first (then false: use theirs). */
  insertAgencyKey(agency: string, keyRef: string, at: string): Promise<boolean>;

  authorization(id: string): Promise<Authorization | null>;
  /** The authorisation whose granting entry sits at this leaf index. */
  authorizationAtIndex(index: bigint): Promise<Authorization | null>;
  insertAuthorization(authorization: Authorization): Promise<void>;
  updateAuthorization(id: string, changes: Partial<Pick<Authorization, 'status' | 'validTo' | 'extensions' | 'deletionDueOn' | 'deletedAt' | 'noticeDueOn' | 'noticeExtensions' | 'noticeGivenAt' | 'unsealed' | 'entryId' | 'targetRef' | 'targetShreddedAt'>>): Promise<void>;

  /** The leaf index of a log entry by row id, once sequenced. */
  entryIndex(entryId: number): Promise<number | null>;

  use(id: string): Promise<UseRow | null>;
  insertUse(use: UseRow): Promise<void>;
  insertFindings(findings: readonly Finding[]): Promise<void>;
  insertSharing(sharing: Sharing): Promise<void>;

  audit(id: string): Promise<Audit | null>;
  insertAudit(audit: Audit): Promise<void>;
  updateAudit(id: string, changes: Partial<Pick<Audit, 'status' | 'signedOffAt' | 'signedOffBy' | 'note' | 'statistics'>>): Promise<void>;
  /** Runs every check over the period: findings streamed in a stable order (kind, subject). */
  auditChecks(period: AuditPeriod): AsyncIterable<Omit<Finding, 'id' | 'audit' | 'raisedAt'>>;
  /** The authorisations granted in the period, for the statistics. */
  authorizationSummaries(period: AuditPeriod): Promise<AuthorizationSummary[]>;
  /** How many uses the period holds, and how many of them raised a finding when recorded. */
  useCounts(period: AuditPeriod): Promise<{ uses: number; flagged: number }>;
}
