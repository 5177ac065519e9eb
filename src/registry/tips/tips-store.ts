/** A tip from anyone: a lead for analysts, never public until it becomes a sourced fact. */
export interface TipRow {
  readonly id: string;
  readonly subject: string;
  readonly body: string;
  readonly sourceUrl: string | null;
  readonly contact: string | null;
  readonly status: 'pending' | 'accepted' | 'dismissed';
  readonly submittedAt: string;
  readonly moderatedBy: string | null;
  readonly moderatedAt: string | null;
  readonly moderationNote: string | null;
}

/** What the tip queue needs of storage. */
export interface TipsStore {
  insertTip(tip: TipRow): Promise<void>;
  findTip(id: string): Promise<TipRow | null>;
  updateTip(id: string, patch: Pick<TipRow, 'status' | 'moderatedBy' | 'moderatedAt' | 'moderationNote'>): Promise<void>;
  listTips(status: TipRow['status'] | undefined, limit: number, offset: number): Promise<TipRow[]>;
  countTips(status: TipRow['status'] | undefined): Promise<number>;
}
