/** What a tipster wrote: each field lives in the seal store; null once shredded (or never given). */
export interface TipContent {
  readonly subject: string | null;
  readonly body: string | null;
  readonly sourceUrl: string | null;
  readonly contact: string | null;
}

/** A tip from anyone: a lead for analysts, never public until it becomes a sourced fact. */
export interface TipRow extends TipContent {
  readonly id: string;
  readonly status: 'pending' | 'accepted' | 'dismissed';
  readonly submittedAt: string;
  readonly moderatedBy: string | null;
  readonly moderatedAt: string | null;
  readonly moderationNote: string | null;
}

/** A new tip as stored: references to its sealed fields, and the hash of its receipt token. */
export interface NewTip {
  readonly id: string;
  readonly refs: { readonly subject: string; readonly body: string; readonly sourceUrl: string | null; readonly contact: string | null };
  readonly receiptHash: string;
  readonly submittedAt: string;
}

/** What the tip queue needs of storage. */
export interface TipsStore {
  insertTip(tip: NewTip): Promise<void>;
  findTip(id: string): Promise<TipRow | null>;
  /** The tip whose receipt token hashes to this. */
  findTipByReceipt(receiptHash: string): Promise<TipRow | null>;
  recordModeration(id: string, moderation: Pick<TipRow, 'moderatedBy' | 'moderatedAt' | 'moderationNote'>): Promise<void>;
  listTips(status: TipRow['status'] | undefined, limit: number, offset: number): Promise<TipRow[]>;
  countTips(status: TipRow['status'] | undefined): Promise<number>;
}
