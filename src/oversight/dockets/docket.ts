import { z } from 'zod';
import type { RegistryTransaction } from '../../registry/commands/registry-transaction.js';

const text = z.string().trim().max(20_000);

/** A Surveillance Impact Report (SMC 14.18; the CCOPS model bill): what a department says about a technology. */
export const impactReportSchema = z.strictObject({
  purpose: text.optional(),
  dataCollected: text.optional(),
  use: text.optional(),
  retention: text.optional(),
  sharing: text.optional(),
  legalBasis: text.optional(),
  monitoring: text.optional(),
  fiscalCost: text.optional(),
  alternatives: text.optional(),
  racialEquity: text.optional(),
  workingGroupAssessment: text.optional(),
  departmentResponse: text.optional(),
});

/** The use policy that would bind the department. */
export const usePolicySchema = z.strictObject({
  retention: text.optional(),
  sharing: text.optional(),
  access: text.optional(),
  training: text.optional(),
  auditing: text.optional(),
  complaints: text.optional(),
});

/** The proposal: impact report and use policy (the vendor's record is read from the registry, never typed in). */
export const proposalSchema = z.strictObject({
  impactReport: impactReportSchema.default({}),
  usePolicy: usePolicySchema.default({}),
});
export type DocketProposal = z.infer<typeof proposalSchema>;

export const DOCKET_STATUSES = ['proposed', 'noticed', 'hearing-held', 'approved', 'approved-with-conditions', 'rejected', 'expired'] as const;
export type DocketStatus = (typeof DOCKET_STATUSES)[number];
export const APPROVED_STATUSES: readonly DocketStatus[] = ['approved', 'approved-with-conditions'];

export interface DocketNotice {
  readonly publishedAt: string;
  /** The end of the comment period (an instant: the end of the last day in the jurisdiction's zone). */
  readonly commentsCloseAt: string;
  readonly commentsCloseOn: string;
  /** The earliest day of use where the ordinance requires posting first (NYC: 90 days). */
  readonly earliestUseOn: string | null;
  /** The earliest day of the hearing by the notice lead time. */
  readonly hearingFromOn: string;
}

export interface HearingDocument {
  readonly title: string;
  readonly url?: string | undefined;
}

export interface DocketHearing {
  readonly heldOn: string;
  readonly summary: string | null;
  readonly documents: readonly HearingDocument[];
}

export type DocketOutcome = 'approve' | 'approve-with-conditions' | 'reject';

export interface DocketDecision {
  readonly outcome: DocketOutcome;
  readonly conditions: readonly string[];
  readonly note: string | null;
  readonly decidedAt: string;
  /** Decided while the comment period still ran: recorded and shown, never hidden. */
  readonly beforeCommentsClosed: boolean;
  readonly tally: VoteTally;
}

export interface VoteTally {
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
  readonly members: number;
}

/** A community oversight docket: an agency's proposal to use a surveillance technology, in public. */
export interface Docket {
  readonly id: string;
  readonly jurisdiction: string;
  readonly agency: string;
  /** What is proposed: a registry product id where it is one, otherwise its description. */
  readonly technology: string;
  readonly product: string | null;
  readonly vendor: string | null;
  readonly title: string;
  readonly status: DocketStatus;
  readonly proposal: DocketProposal;
  readonly openedBy: string;
  readonly openedAt: string;
  readonly notice: DocketNotice | null;
  readonly hearing: DocketHearing | null;
  readonly decision: DocketDecision | null;
  /** The due date of the next annual report (approved dockets). */
  readonly reportDueOn: string | null;
  /** When an approval lapses unless renewed (null: no term). */
  readonly expiresOn: string | null;
  readonly renewedAt: string | null;
}

export type CommentStatus = 'pending' | 'published' | 'rejected';

/** A public comment: its text is public once a clerk publishes it; a contact, if given, stays sealed. */
export interface DocketComment {
  readonly id: string;
  readonly docketId: string;
  readonly status: CommentStatus;
  /** Public text (published), or the sealed text for staff (pending, rejected); null once shredded. */
  readonly text: string | null;
  readonly submittedAt: string;
  readonly moderatedAt: string | null;
  /** The log entry that published it (its receipt). */
  readonly publishedEntryId: number | null;
}

export type VoteChoice = 'yes' | 'no' | 'abstain';

export interface DocketVote {
  readonly docketId: string;
  readonly member: string;
  readonly vote: VoteChoice;
  readonly note: string | null;
  readonly castAt: string;
}

export type ReportStatus = 'due' | 'overdue' | 'filed';

/** One annual surveillance report period. */
export interface DocketReport {
  readonly docketId: string;
  readonly dueOn: string;
  readonly status: ReportStatus;
  readonly filedAt: string | null;
  readonly late: boolean;
  readonly sections: Readonly<Record<string, string>> | null;
}

/** A use of a technology with no approved docket in that jurisdiction. */
export interface DocketFinding {
  readonly id: string;
  readonly jurisdiction: string;
  readonly agency: string;
  readonly technology: string;
  readonly observedOn: string;
  readonly description: string;
  readonly sources: readonly string[];
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/** What dockets need of storage, inside one transaction. */
export interface DocketStore {
  insertDocket(docket: Docket): Promise<void>;
  getDocket(id: string): Promise<Docket | null>;
  updateDocket(id: string, changes: Partial<Pick<Docket, 'status' | 'title' | 'proposal' | 'notice' | 'hearing' | 'decision' | 'reportDueOn' | 'expiresOn' | 'renewedAt'>>): Promise<void>;
  /** A docket approved (and not expired) for this technology in this jurisdiction, if any. */
  approvedDocketFor(jurisdiction: string, technology: string): Promise<Docket | null>;
  insertComment(comment: { id: string; docketId: string; textRef: string | null; contactRef: string | null; submittedAt: string }): Promise<void>;
  getComment(id: string): Promise<DocketComment | null>;
  /** Publishes or rejects a comment; a published one carries its text in public from now on. */
  moderateComment(id: string, moderation: { status: 'published' | 'rejected'; text: string | null; moderatedAt: string; moderatedBy: string }): Promise<void>;
  /** Inserts a published comment as replay rebuilds it. */
  insertPublishedComment(comment: { id: string; docketId: string; text: string; submittedAt: string; moderatedAt: string; moderatedBy: string }): Promise<void>;
  setPublishedEntry(id: string, entryId: number): Promise<void>;
  insertVote(vote: DocketVote): Promise<void>;
  votesOf(docketId: string): Promise<DocketVote[]>;
  insertReport(docketId: string, dueOn: string): Promise<void>;
  markReportOverdue(docketId: string, dueOn: string): Promise<void>;
  fileReport(docketId: string, dueOn: string, filing: { filedAt: string; late: boolean; sections: Readonly<Record<string, string>> }): Promise<void>;
  insertFinding(finding: DocketFinding): Promise<void>;
}

/** What docket commands write through: the registry (to read agencies, products, vendors), the dockets, the log. */
export interface DocketsTransaction extends RegistryTransaction {
  readonly dockets: DocketStore;
}
