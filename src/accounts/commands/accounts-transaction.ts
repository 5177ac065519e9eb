import type { LogAppender } from '../../ledger/append/log-appender.js';
import type { AccountsStore } from '../accounts-store.js';

/** The slice of a store transaction account and tip commands write through. */
export interface AccountsTransaction {
  readonly accounts: AccountsStore;
  readonly log: LogAppender;
}
