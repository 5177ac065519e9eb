import type { SealStore } from '../ledger/seal/seal-store.js';
import type { DeadlineStore } from './deadlines/deadline.js';
import type { EventLog } from './events/event-log.js';
import type { CaseStates } from './workflow/case-states.js';

/** The slice of a store transaction the kernel writes through. */
export interface KernelTransaction {
  readonly log: EventLog;
  readonly cases: CaseStates;
  readonly deadlines: DeadlineStore;
  readonly seals: SealStore;
}
