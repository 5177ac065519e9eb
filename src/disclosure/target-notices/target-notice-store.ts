/** How a notice reached (or was sent to) the person targeted. */
export const NOTICE_METHODS = ['post', 'email', 'in-person', 'through-counsel', 'other'] as const;
export type NoticeMethod = (typeof NOTICE_METHODS)[number];

export const NOTICE_METHOD_LABELS: Readonly<Record<NoticeMethod, string>> = {
  post: 'By post',
  email: 'By email',
  'in-person': 'In person',
  'through-counsel': 'Through counsel',
  other: 'Other',
};

export type TargetNoticeStatus = 'due' | 'prepared' | 'sent';

/**
 * A notice owed to the person an authorisation targeted, once its delayed-notice date passed.
 * It names the authorisation and agency only: who was targeted stays sealed with the authorisation.
 */
export interface TargetNoticeRow {
  readonly id: string;
  readonly authorizationId: string;
  /** Null when the event did not say; admins then handle it. */
  readonly agency: string | null;
  readonly status: TargetNoticeStatus;
  readonly dueAt: string;
  readonly openedAt: string;
  readonly preparedAt: string | null;
  readonly sentOn: string | null;
  readonly method: NoticeMethod | null;
}

export interface TargetNoticeStore {
  insertNotice(notice: Omit<TargetNoticeRow, 'preparedAt' | 'sentOn' | 'method'>): Promise<void>;
  findNotice(id: string): Promise<TargetNoticeRow | null>;
  findNoticeForAuthorization(authorizationId: string): Promise<TargetNoticeRow | null>;
  updateNotice(id: string, patch: Partial<Pick<TargetNoticeRow, 'status' | 'preparedAt' | 'sentOn' | 'method'>>): Promise<void>;
  listNotices(query: { status?: TargetNoticeStatus | undefined; limit: number; offset: number }): Promise<{ items: TargetNoticeRow[]; total: number }>;
}
