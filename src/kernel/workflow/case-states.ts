/**
 * What the kernel needs of storage to move a case: a conditional update of its state. Each case
 * type's table is the store's business (changes, tips, alerts, acquisition reviews …).
 */
export interface CaseStates {
  /**
   * Sets the case's state to `to` only if it is still `from`, and says whether it did. A `false`
   * is a lost race (another request moved it first): the caller answers 409 and appends nothing.
   */
  compareAndSet(caseType: string, id: string, from: string, to: string, at: string): Promise<boolean>;
}
