import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../../ledger/entries/canonical-json.js';
import { compactRecord } from '../../../registry/registry-record.js';
import { RECORD_TYPES } from '../../../registry/schemas/common.js';
import type { Database } from '../../schema.js';
import { KyselyRegistryStore } from '../kysely-registry-store.js';
import { listRecords } from './list-records.js';

/**
 * A SHA-256 over every public record, type by type in key order, in canonical form. Two databases
 * with the same digest publish the same registry — how a replay from the log is checked against
 * the live instance.
 */
export async function publicStateDigest(db: Kysely<Database>): Promise<{ digest: string; records: number }> {
  const hash = createHash('sha256');
  let records = 0;
  const registry = new KyselyRegistryStore(db);
  for (const type of RECORD_TYPES) {
    // Keys sorted here, not by the database: SQLite and PostgreSQL collate differently.
    const keys: string[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await listRecords(db, type, { limit: 500, offset });
      for (const r of page.items) keys.push('piid' in r && type === 'contract' ? r.piid : 'id' in r ? String(r.id) : '');
      if (page.items.length < 500) break;
    }
    keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const key of keys) {
      const record = await registry.getRecord(type, key);
      hash.update(`${type}\n${canonicalJson(compactRecord(record ?? {}))}\n`);
      records += 1;
    }
  }
  return { digest: hash.digest('hex'), records };
}
