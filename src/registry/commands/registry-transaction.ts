import type { CommandContext } from '../../accounts/command-context.js';
import type { LogAppender } from '../../ledger/append/log-appender.js';
import type { RegistryStore } from '../registry-store.js';

export type { CommandContext };

/** The slice of a store transaction registry commands write through. */
export interface RegistryTransaction {
  readonly registry: RegistryStore;
  readonly log: LogAppender;
}
