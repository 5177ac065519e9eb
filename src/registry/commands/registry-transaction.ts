import type { CommandContext } from '../../accounts/command-context.js';
import type { KernelTransaction } from '../../kernel/kernel-transaction.js';
import type { RegistryStore } from '../registry-store.js';

export type { CommandContext };

/** The slice of a store transaction registry commands write through (the kernel's, and the registry). */
export interface RegistryTransaction extends KernelTransaction {
  readonly registry: RegistryStore;
}
