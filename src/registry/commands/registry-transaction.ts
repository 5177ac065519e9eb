import type { Actor } from '../../accounts/actor.js';
import type { LogAppender } from '../../ledger/append/log-appender.js';
import type { RegistryStore } from '../registry-store.js';

/** Who acts and when. Every command takes one. */
export interface CommandContext {
  readonly actor: Actor;
  readonly now: Date;
}

/** The slice of a store transaction registry commands write through. */
export interface RegistryTransaction {
  readonly registry: RegistryStore;
  readonly log: LogAppender;
}
