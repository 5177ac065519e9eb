import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../../ledger/entries/canonical-json.js';
import type { JsonValue } from '../../core/json-value.js';
import { normalizeRecord } from '../normalize-record.js';
import { compactRecord, recordKey, type RegistryRecord } from '../registry-record.js';
import type { CommandContext, RegistryTransaction } from './registry-transaction.js';

/**
 * Writes one record if it differs from what is stored, records the write in the change history,
 * and appends its log entry — all inside the caller's transaction. Returns false when the
 * stored record already says the same (so imports are idempotent).
 *
 * The log entry carries the whole record: replaying `registry.*` entries rebuilds the registry.
 */
export async function writeRecord(
  tx: RegistryTransaction,
  ctx: CommandContext,
  input: RegistryRecord,
  options: { eventType?: string; changeId?: string; action?: 'upsert' | 'delist' } = {},
): Promise<boolean> {
  const entry = normalizeRecord(input);
  const key = recordKey(entry);
  const stored = await tx.registry.getRecord(entry.type, key);
  const compact = compactRecord(entry.record);
  if (stored !== null && canonicalJson(compactRecord(stored)) === canonicalJson(compact)) return false;

  const at = ctx.now.toISOString();
  await tx.registry.putRecord(entry, at);
  const changeId = options.changeId ?? randomUUID();
  if (options.changeId === undefined) {
    await tx.registry.insertChange({
      id: changeId, recordType: entry.type, recordId: key, action: options.action ?? 'upsert', data: entry.record, status: 'applied',
      proposedBy: ctx.actor.actorId, proposedAt: at, reviewedBy: ctx.actor.actorId, reviewedAt: at, reviewNote: null,
    });
  }
  const record: JsonValue = JSON.parse(JSON.stringify(compact));
  await tx.log.append({
    type: options.eventType ?? `registry.${entry.type}.upserted`,
    actor: ctx.actor.actorId,
    time: at,
    subjects: [`${entry.type}:${key}`],
    data: { recordType: entry.type, record, change: changeId },
  });
  return true;
}
