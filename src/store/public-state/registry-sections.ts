import type { Kysely } from 'kysely';
import { canonicalJson } from '../../ledger/entries/canonical-json.js';
import { compactRecord } from '../../registry/registry-record.js';
import { RECORD_TYPES, type RecordType } from '../../registry/schemas/common.js';
import type { Database } from '../schema.js';
import { KyselyRegistryStore } from '../registry/kysely-registry-store.js';
import { listRecords } from '../registry/queries/list-records.js';
import type { PublicStateSection } from './public-state-section.js';

function recordSection(type: RecordType): PublicStateSection {
  return {
    name: type,
    async items(db: Kysely<Database>) {
      const registry = new KyselyRegistryStore(db);
      const keys: string[] = [];
      for (let offset = 0; ; offset += 500) {
        const page = await listRecords(db, type, { limit: 500, offset });
        for (const r of page.items) keys.push('piid' in r && type === 'contract' ? r.piid : 'id' in r ? String(r.id) : '');
        if (page.items.length < 500) break;
      }
      const items: (readonly [string, string])[] = [];
      for (const key of keys) {
        const record = await registry.getRecord(type, key);
        if (record === null) throw new Error(`${type} ${key} was listed but cannot be read`);
        items.push([key, canonicalJson(compactRecord(record))]);
      }
      return items;
    },
  };
}

/** The change history the public sees: applied changes, who made and reviewed them, when. */
const changeSection: PublicStateSection = {
  name: 'change',
  async items(db) {
    const rows = await db.selectFrom('changes').select(['id', 'recordType', 'recordId', 'action', 'proposedBy', 'proposedAt', 'reviewedBy', 'reviewedAt', 'reviewNote']).where('status', '=', 'applied').execute();
    return rows.map((r) => [r.id, canonicalJson({ ...r })] as const);
  },
};

/** Raised, confirmed and retracted alerts, as the public sees them (a retraction says who, when and why). */
const alertSection: PublicStateSection = {
  name: 'alert',
  async items(db) {
    const rows = await db.selectFrom('alerts').selectAll().where('status', 'in', ['raised', 'confirmed', 'retracted']).execute();
    return rows.map((r) => {
      const { detailsRef: _sealed, reasons, transaction, amount, score, ...rest } = r;
      return [r.id, canonicalJson({ ...rest, amount: amount === null ? null : Number(amount), score: score === null ? null : Number(score), reasons: reasons === null ? null : JSON.parse(reasons), transaction: transaction === null ? null : JSON.parse(transaction) })] as const;
    });
  },
};

/** The registry's public state: every record type, the applied change history, the public alerts. */
export const REGISTRY_SECTIONS: readonly PublicStateSection[] = [...RECORD_TYPES.map(recordSection), changeSection, alertSection];
