import type { KernelTransaction } from '../../kernel/kernel-transaction.js';
import type { UsesStore } from './uses-store.js';

/** What authorisation, use and audit steps write through: the kernel, and the uses' store. */
export interface UsesTransaction extends KernelTransaction {
  readonly uses: UsesStore;
}
