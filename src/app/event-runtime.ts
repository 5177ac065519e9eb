import { z } from 'zod';
import { accountEvents } from '../accounts/account-events.js';
import { EventRuntime } from '../kernel/events/event-runtime.js';
import type { EventSubscriber } from '../kernel/events/event-subscriber.js';
import { kernelEvents } from '../kernel/kernel-events.js';
import { EventCatalogue } from '../ledger/catalogue/event-catalogue.js';
import type { EventDefinition } from '../ledger/catalogue/event-definition.js';
import { procurementEvents } from '../procurement/procurement-events.js';
import { importEvents } from '../imports/import-events.js';
import { registryEvents } from '../registry/registry-events.js';
import type { StoreTransaction } from '../store/store.js';
import { exportLicenseEvents } from '../oversight/export-licenses/export-license-events.js';
import { exportLicenseSubscribers } from '../oversight/export-licenses/export-license-subscribers.js';
import { requestEvents } from '../disclosure/requests/request-events.js';
import { oversightEvents } from '../oversight/oversight-events.js';
import { docketEvents } from '../oversight/dockets/docket-events.js';
import { reEvaluationSubscriber } from '../oversight/reviews/re-evaluate.js';
import { usesEvents } from '../oversight/uses-events.js';
import { retentionShredSubscriber } from '../oversight/authorizations/retention-shred.js';
import { remedyEvents } from '../disclosure/remedy-events.js';
import { TARGET_NOTICE_DUE_EVENT, targetNoticeSubscriber } from '../disclosure/target-notices/target-notice-workflow.js';

const noticeIdOf = (data: unknown) => z.object({ notice: z.string().min(1) }).parse(data).notice;

/** Every entry type Countersign appends, from every module. */
export const EVENT_DEFINITIONS: readonly EventDefinition<unknown, StoreTransaction>[] = [
  ...kernelEvents,
  ...accountEvents,
  ...registryEvents,
  ...procurementEvents,
  ...importEvents,
  ...exportLicenseEvents,
  ...requestEvents,
  ...oversightEvents,
  ...usesEvents,
  ...docketEvents,
  ...remedyEvents,
];
export const EVENT_CATALOGUE = new EventCatalogue<StoreTransaction>(EVENT_DEFINITIONS);

/**
 * Work one module does when another's event is appended, in the same transaction. The emitting
 * module never imports the listener: the wiring is here.
 */
export const SUBSCRIBERS: readonly EventSubscriber<StoreTransaction>[] = [
  ...exportLicenseSubscribers,
  reEvaluationSubscriber,
  // A notice to the target opens when an authorisation's delayed-notice date passes, scoped to the authorisation's agency.
  targetNoticeSubscriber<StoreTransaction>(TARGET_NOTICE_DUE_EVENT, { agencyOf: async (id, tx) => (await tx.uses.authorization(id))?.agency ?? null }),
  // When retention ends the target is shredded — once told, whether on the authorisation or through the remedy module's notice.
  retentionShredSubscriber<StoreTransaction>({
    noticeEvents: [{ type: 'disclosure.target-notice.sent', authorizationOf: async (event, tx) => (await tx.remedy.notices.findNotice(noticeIdOf(event.data)))?.authorizationId ?? null }],
    noticeSentElsewhere: async (id, tx) => (await tx.remedy.notices.findNoticeForAuthorization(id))?.status === 'sent',
  }),
];

/** The catalogue and subscribers every store of this app opens with. */
export function eventRuntime(subscribers: readonly EventSubscriber<StoreTransaction>[] = SUBSCRIBERS): EventRuntime<StoreTransaction> {
  return new EventRuntime(EVENT_CATALOGUE, subscribers);
}
