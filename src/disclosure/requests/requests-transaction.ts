import type { AlertsTransaction } from '../../procurement/alerts/alerts-transaction.js';
import type { DisclosureRequestStore } from './disclosure-request.js';

/** What request commands write through: the registry and alerts (to draft from), the requests, the log. */
export interface DisclosureRequestsTransaction extends AlertsTransaction {
  readonly requests: DisclosureRequestStore;
}
