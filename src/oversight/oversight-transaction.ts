import type { RegistryTransaction } from '../registry/commands/registry-transaction.js';
import type { OversightStore } from './oversight-store.js';

/** What oversight commands write through: the kernel's slice, the registry (read), and oversight's store. */
export interface OversightTransaction extends RegistryTransaction {
  readonly oversight: OversightStore;
}
