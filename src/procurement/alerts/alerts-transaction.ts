import type { RegistryTransaction } from '../../registry/commands/registry-transaction.js';
import type { AlertStore } from './alert.js';

/** What screening commands write through: the registry, the alerts, the log. */
export interface AlertsTransaction extends RegistryTransaction {
  readonly alerts: AlertStore;
}
