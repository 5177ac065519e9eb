import type { DraftSubjectKind } from './draft-subject.js';
import type { JurisdictionId } from './jurisdictions.js';

export const REQUEST_STATUSES = [
  'draft', 'submitted', 'acknowledged', 'processing', 'fix-required', 'payment-required', 'appealing', 'litigation',
  'rejected', 'no-documents', 'done', 'partial', 'abandoned',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** The outcomes an agency's determination can have. */
export const OUTCOMES = ['done', 'partial', 'rejected', 'no-documents'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** A records request, as stored. */
export interface DisclosureRequest {
  readonly id: string;
  readonly status: RequestStatus;
  readonly requesterUserId: string;
  /** How the letter is signed. */
  readonly requesterName: string;
  readonly jurisdiction: JurisdictionId;
  readonly agencyId: string;
  readonly agencyName: string;
  readonly addressee: string;
  readonly subjectKind: DraftSubjectKind;
  readonly subjectId: string;
  readonly piid: string | null;
  readonly awardKey: string | null;
  readonly title: string;
  readonly letter: string;
  readonly expedited: boolean;
  readonly createdAt: string;
  /** The date the agency received the request (clocks run from it). */
  readonly receivedAt: string | null;
  /** The response due date (local date), while the clock runs or when it last ran. */
  readonly dueDate: string | null;
  /** Business (or calendar) days the law allows: the response period, plus an extension if taken. */
  readonly daysAllowed: number | null;
  /** Days used before the clock was paused (tolled), and since when it runs again. */
  readonly daysUsed: number;
  readonly clockRunningSince: string | null;
  readonly extended: boolean;
  readonly overdue: boolean;
  readonly determination: { readonly outcome: Outcome; readonly date: string; readonly note: string | null } | null;
  readonly feeAmount: number | null;
  readonly feePaidAt: string | null;
  readonly closedAt: string | null;
}

export interface TrackingNumber {
  readonly requestId: string;
  readonly number: string;
  readonly label: string | null;
  readonly addedAt: string;
}

export const MESSAGE_KINDS = ['request', 'follow-up', 'appeal', 'correspondence'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Correspondence: what the requester sent, received, or has drafted (a follow-up the tick wrote). */
export interface RequestMessage {
  readonly id: string;
  readonly requestId: string;
  readonly direction: 'sent' | 'received' | 'draft';
  readonly kind: MessageKind;
  readonly subject: string;
  readonly body: string;
  readonly date: string;
  readonly createdAt: string;
}

/** A document the agency released, stored with its hash; its bytes and text stay private until the embargo ends. */
export interface RequestDocument {
  readonly id: string;
  readonly requestId: string;
  readonly messageId: string | null;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly pages: number | null;
  readonly embargoUntil: string;
  readonly embargoExtended: boolean;
  readonly noticeSentAt: string | null;
  readonly publishedAt: string | null;
  readonly uploadedAt: string;
}

/** Which fields of a request change (everything else stays). */
export type RequestChanges = Partial<Omit<DisclosureRequest, 'id' | 'status' | 'requesterUserId' | 'createdAt'>>;

/** What requests need of storage. */
export interface DisclosureRequestStore {
  insert(request: DisclosureRequest): Promise<void>;
  get(id: string): Promise<DisclosureRequest | null>;
  update(id: string, changes: RequestChanges): Promise<void>;
  addTrackingNumber(tracking: TrackingNumber): Promise<boolean>;
  trackingNumbers(requestId: string): Promise<TrackingNumber[]>;
  addMessage(message: RequestMessage): Promise<void>;
  messages(requestId: string): Promise<RequestMessage[]>;
  addDocument(document: RequestDocument, content: Uint8Array, text: string): Promise<void>;
  documents(requestId: string): Promise<RequestDocument[]>;
  document(id: string): Promise<RequestDocument | null>;
  /** Replay: the request row, its tracking numbers and document metadata as the entry carries them, and its new message. */
  restorePublic(restore: PublicRequestRestore): Promise<void>;
  updateDocument(id: string, changes: Partial<Pick<RequestDocument, 'embargoUntil' | 'embargoExtended' | 'noticeSentAt' | 'publishedAt'>>): Promise<void>;
}

/** What a filed request's log entry restores in `log replay`. */
export interface PublicRequestRestore {
  readonly request: DisclosureRequest;
  readonly tracking: readonly TrackingNumber[];
  readonly documents: readonly RequestDocument[];
  readonly message: RequestMessage | null;
}
