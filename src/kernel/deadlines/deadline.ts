/** Where a deadline stands: open until a transition stops it or the tick fires it. */
export type DeadlineState = 'open' | 'fired' | 'stopped';

/** One deadline of one case. */
export interface Deadline {
  readonly id: string;
  readonly caseType: string;
  readonly caseId: string;
  /** What falls due, per case type: `response-due`, `notice-wait`, `report-due` … */
  readonly kind: string;
  /** What a reader sees: "Response due (20 business days)". */
  readonly label: string;
  /** The UTC instant it falls due (the tick fires it at or after this). */
  readonly dueAt: string;
  /** For a date deadline, the local date it is due (ISO), shown to readers and in iCalendar. */
  readonly dueDate: string | null;
  /** The calendar it was computed with (`us-federal`), for date deadlines. */
  readonly calendar: string | null;
  readonly state: DeadlineState;
  /** The log entry type the tick appends when it fires. */
  readonly firesEvent: string;
  /** The transition the tick runs on the case when it fires (as the system), if any. */
  readonly onFire: string | null;
  readonly startedAt: string;
  readonly firedAt: string | null;
  readonly stoppedAt: string | null;
  readonly stopReason: string | null;
}

/** What deadlines need of storage. */
export interface DeadlineStore {
  /** Starts a deadline; false if one of that kind is already open for the case (starting twice changes nothing). */
  start(deadline: Deadline): Promise<boolean>;
  /** Stops the case's open deadlines of these kinds; returns how many. */
  stop(caseType: string, caseId: string, kinds: readonly string[], at: string, reason: string): Promise<number>;
  /** Open deadlines due at `now` or before, oldest first. */
  due(now: string, limit: number): Promise<Deadline[]>;
  /**
   * Marks those of these deadlines that are still open fired, in one statement, and returns their
   * ids; the others were not open any more (another tick, a transition got there first).
   */
  markFired(ids: readonly string[], at: string): Promise<ReadonlySet<string>>;
  /** Every deadline of a case, by due time. */
  ofCase(caseType: string, caseId: string): Promise<Deadline[]>;
}
