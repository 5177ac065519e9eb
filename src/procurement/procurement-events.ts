import { z } from 'zod';
import { defineEvent, type EntryMeta, type EventDefinition } from '../ledger/catalogue/event-definition.js';
import { stepEventData } from '../ledger/catalogue/step-event-data.js';
import type { Alert } from './alerts/alert.js';
import { publicAlertFields } from './alerts/alert-event-data.js';
import type { AlertsTransaction } from './alerts/alerts-transaction.js';
import { EMPTY_RECIPIENT, type ContractTransaction } from './contract-transaction.js';

const publicAlertData = stepEventData('alert', { ...publicAlertFields, note: z.string().optional() });
type PublicAlertData = z.infer<z.ZodObject<typeof publicAlertFields>> & { alert: string; note?: string | undefined };

/** A stand-in transaction for entries written before alerts carried theirs (the public fields the entry has). */
function transactionOf(data: PublicAlertData): ContractTransaction {
  return data.transaction ?? {
    transactionKey: data.transactionKey, awardKey: data.awardKey ?? '', piid: data.piid, modification: data.modification ?? '', transactionNumber: '', parentPiid: '', parentAgencyId: '',
    agencyId: '', agencyName: '', subAgencyName: '', actionDate: data.actionDate ?? '', amount: data.amount ?? 0, actionTypeCode: '', actionType: '', description: '', fundingOfficeName: '',
    recipient: EMPTY_RECIPIENT, correctionDeleteInd: '', lastModified: '', permalink: '', origin: { kind: 'url', url: '' },
  };
}

/** The public alert an entry describes. */
function alertOf(raw: unknown, status: 'raised' | 'confirmed', meta: EntryMeta): Alert {
  const data: PublicAlertData = z.object({ ...publicAlertFields, alert: z.string(), note: z.string().optional() }).parse(raw);
  const reviewed = status === 'confirmed';
  return {
    id: data.alert, transactionKey: data.transactionKey, awardKey: data.awardKey ?? '', piid: data.piid, modification: data.modification ?? '', actionDate: data.actionDate ?? '',
    amount: data.amount ?? 0, organizationId: data.organizationId, organizationName: data.organizationName ?? '', event: data.event, decision: data.decision ?? (reviewed ? 'review' : 'alert'),
    score: data.score ?? 0, reasons: data.reasons ?? [], status, transaction: transactionOf(data), origin: data.origin ?? '', watchlistVersion: data.watchlistVersion ?? '',
    createdAt: data.createdAt ?? meta.time, reviewedBy: reviewed ? meta.actor : null, reviewedAt: reviewed ? meta.time : null, reviewNote: reviewed ? data.note ?? null : null,
  };
}

/** Screening entries: a raised alert and a confirmed review item carry what the public sees of them, so they replay. */
export const procurementEvents: readonly EventDefinition<unknown, AlertsTransaction>[] = [
  defineEvent({
    type: 'procurement.alert.raised',
    summary: 'Screening matched a contract action to a registry organisation with confidence: an alert, recorded in the registry.',
    data: publicAlertData,
    sealed: [],
    replays: 'adds the public alert',
    async replay(data, meta, tx) {
      await tx.alerts.insertPublic(alertOf(data, 'raised', meta));
    },
  }),
  defineEvent({ type: 'procurement.review.queued', summary: 'Screening found a weak match; which organisation and contract is sealed until an analyst confirms it.', data: stepEventData('alert', { decision: z.enum(['alert', 'review']) }), sealed: ['match'] }),
  defineEvent({
    type: 'procurement.review.confirmed',
    summary: 'An analyst confirmed a review-queue match: it is recorded and public from now on.',
    data: publicAlertData,
    sealed: [],
    replays: 'adds the public (confirmed) alert',
    async replay(data, meta, tx) {
      await tx.alerts.insertPublic(alertOf(data, 'confirmed', meta));
    },
  }),
  defineEvent({ type: 'procurement.review.dismissed', summary: 'An analyst dismissed a review-queue match (a look-alike); it stays sealed.', data: stepEventData('alert', {}), sealed: [] }),
  defineEvent({
    type: 'procurement.alert.annotated',
    summary: 'An analyst annotated a published alert, citing the registry source it rests on where there is one.',
    data: stepEventData('alert', { annotation: z.uuid(), note: z.string().max(5000), source: z.string().optional() }),
    sealed: [],
    replays: 'adds the annotation',
    async replay(data, meta, tx) {
      const d = z.object({ alert: z.string().min(1), annotation: z.uuid(), note: z.string(), source: z.string().optional() }).parse(data);
      await tx.alerts.addAnnotation({ id: d.annotation, alertId: d.alert, note: d.note, source: d.source ?? null, createdBy: meta.actor, createdAt: meta.time });
    },
  }),
  defineEvent({
    type: 'procurement.alert.retracted',
    summary: 'An editor retracted a published alert, saying why; it leaves the lists and feeds and its page says so.',
    data: stepEventData('alert', { reason: z.string().max(2000) }),
    sealed: [],
    replays: 'marks the alert retracted, with who, when and why',
    async replay(data, meta, tx) {
      const d = z.object({ alert: z.string().min(1), reason: z.string() }).parse(data);
      await tx.alerts.recordRetraction(d.alert, { retractedBy: meta.actor, retractedAt: meta.time, reason: d.reason });
    },
  }),
];
