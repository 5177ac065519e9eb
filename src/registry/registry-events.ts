import { z } from 'zod';
import { defineEvent, type EntryMeta, type EventDefinition } from '../ledger/catalogue/event-definition.js';
import { stepEventData } from '../ledger/catalogue/step-event-data.js';
import type { RegistryTransaction } from './commands/registry-transaction.js';
import type { RegistryRecord } from './registry-record.js';
import { RECORD_TYPES, recordStatusSchema, recordTypeSchema, type RecordType } from './schemas/common.js';
import { STORED_RECORD_SCHEMAS } from './stored-record-schemas.js';

/** An applied change in the history, as replay rebuilds it (a direct write has no proposal). */
async function recordApplied(tx: RegistryTransaction, change: string, recordType: RecordType, recordId: string, action: 'upsert' | 'status' | 'delist', data: unknown, meta: EntryMeta): Promise<void> {
  if (await tx.registry.getChange(change)) return; // a proposal: its acceptance completes it
  await tx.registry.insertChange({ id: change, recordType, recordId, action, data, status: 'applied', proposedBy: meta.actor, proposedAt: meta.time, reviewedBy: meta.actor, reviewedAt: meta.time, reviewNote: null });
}

function recordEvent<T extends RecordType>(type: string, recordType: T, summary: string): EventDefinition<unknown, RegistryTransaction> {
  return defineEvent({
    type,
    summary,
    data: z.strictObject({ recordType: z.literal(recordType), record: STORED_RECORD_SCHEMAS[recordType], change: z.string().min(1) }),
    sealed: [],
    replays: `writes the whole ${recordType} record and its change-history row`,
    async replay(data, meta, tx) {
      const parsed = z.object({ recordType: recordTypeSchema, record: z.unknown(), change: z.string() }).parse(data);
      const record = STORED_RECORD_SCHEMAS[recordType].parse(parsed.record);
      // The schema for recordType parsed the record, so the pair is a RegistryRecord.
      const entry = { type: recordType, record } as RegistryRecord;
      await tx.registry.putRecord(entry, meta.time);
      const key = 'piid' in record && recordType === 'contract' ? String(record.piid) : String(Reflect.get(record, 'id'));
      await recordApplied(tx, parsed.change, recordType, key, type.endsWith('.delisted') ? 'delist' : 'upsert', parsed.record, meta);
    },
  });
}

const changeIdSchema = z.uuid();

/** Registry entries: records written whole (so the log replays the registry), statuses, and the editorial workflow. */
export const registryEvents: readonly EventDefinition<unknown, RegistryTransaction>[] = [
  ...RECORD_TYPES.map((t) => recordEvent(`registry.${t}.upserted`, t, `A ${t} record was written (the whole record, as the registry now publishes it).`)),
  recordEvent('registry.designation.recorded', 'designation', 'An editor published a designation (a listing by an authority).'),
  recordEvent('registry.designation.delisted', 'designation', 'A designation gained its delisting: the subject was removed from the list.'),
  defineEvent({
    type: 'registry.record.status-changed',
    summary: 'How well a record is established changed (reported, documented, verified).',
    data: z.strictObject({ recordType: recordTypeSchema, id: z.string(), status: recordStatusSchema, previous: recordStatusSchema, change: z.string() }),
    sealed: [],
    replays: "sets the record's status and adds its change-history row",
    async replay(data, meta, tx) {
      await tx.registry.setStatus(data.recordType, data.id, data.status, meta.time);
      await recordApplied(tx, data.change, data.recordType, data.id, 'status', { status: data.status, previous: data.previous }, meta);
    },
  }),
  defineEvent({
    type: 'registry.change.proposed',
    summary: 'An analyst proposed a change; its content and record id are sealed until it is accepted.',
    data: stepEventData('change', { action: z.enum(['upsert', 'delist', 'status']), recordType: recordTypeSchema }),
    sealed: ['proposal', 'recordId'],
    replays: 'adds the pending change (its content stays sealed)',
    async replay(data, meta, tx) {
      const id = changeIdSchema.parse(data['change']);
      const action = z.enum(['upsert', 'delist', 'status']).parse(data['action']);
      await tx.registry.insertChange({ id, recordType: recordTypeSchema.parse(data['recordType']), recordId: null, action, data: null, status: 'pending', proposedBy: meta.actor, proposedAt: meta.time, reviewedBy: null, reviewedAt: null, reviewNote: null, sealedRefs: { data: null, recordId: null, reviewNote: null } });
    },
  }),
  defineEvent({
    type: 'registry.change.accepted',
    summary: 'An editor accepted a proposed change; the record entry before it carries what was published.',
    data: stepEventData('change', { recordType: recordTypeSchema, recordId: z.string(), note: z.string().optional() }),
    sealed: [],
    replays: 'marks the change applied, by whom and when',
    async replay(data, meta, tx) {
      const id = changeIdSchema.parse(data['change']);
      const recordId = z.string().parse(data['recordId']);
      const recordType = recordTypeSchema.parse(data['recordType']);
      await tx.cases.compareAndSet('change', id, 'pending', 'applied', meta.time);
      const record = await tx.registry.getRecord(recordType, recordId);
      await tx.registry.completeReview(id, { reviewedBy: meta.actor, reviewedAt: meta.time, reviewNote: z.string().optional().parse(data['note']) ?? null, reviewNoteRef: null, published: { recordId, data: record } });
    },
  }),
  defineEvent({
    type: 'registry.change.rejected',
    summary: 'An editor rejected a proposed change; it never reached the registry. The note is sealed.',
    data: stepEventData('change', { recordType: recordTypeSchema }),
    sealed: ['note'],
    replays: 'marks the change rejected',
    async replay(data, meta, tx) {
      const id = changeIdSchema.parse(data['change']);
      await tx.cases.compareAndSet('change', id, 'pending', 'rejected', meta.time);
      await tx.registry.completeReview(id, { reviewedBy: meta.actor, reviewedAt: meta.time, reviewNote: null, reviewNoteRef: null, published: null });
    },
  }),
  defineEvent({ type: 'tips.tip.submitted', summary: 'Someone sent a tip; everything they wrote is sealed.', data: stepEventData('tip', {}), sealed: ['subject', 'body', 'sourceUrl', 'contact'] }),
  defineEvent({ type: 'tips.tip.moderated', summary: 'An analyst accepted or dismissed a tip.', data: stepEventData('tip', { decision: z.enum(['accepted', 'dismissed']) }), sealed: [] }),
];
