import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { JsonValue } from '../../core/json-value.js';
import { canonicalJson } from '../../ledger/entries/canonical-json.js';
import type { SealOpening, SealStore } from '../../ledger/seal/seal-store.js';
import { SealedValue } from '../../ledger/seal/sealed-value.js';
import type { Database } from '../schema.js';

/**
 * The seal store over Kysely: `sealed_values` (the plaintext, once) and `seal_openings` (which
 * entry's field opens which value). `shredded` tells the store, after commit, that erased pages
 * must be checkpointed out of the SQLite WAL.
 */
export class KyselySealStore implements SealStore {
  readonly #db: Kysely<Database>;
  readonly #now: () => Date;
  #shredded = false;

  constructor(db: Kysely<Database>, now: () => Date = () => new Date()) {
    this.#db = db;
    this.#now = now;
  }

  /** Whether this transaction shredded anything. */
  get shredded(): boolean {
    return this.#shredded;
  }

  async put(value: JsonValue, options: { group?: string } = {}): Promise<SealedValue> {
    const id = randomUUID();
    await this.#db.insertInto('sealedValues').values({ id, groupId: options.group ?? id, value: canonicalJson(value), createdAt: this.#now().toISOString() }).execute();
    return new SealedValue(id, value);
  }

  async values(ids: readonly string[]): Promise<Map<string, JsonValue>> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return new Map();
    const rows = await this.#db.selectFrom('sealedValues').select(['id', 'value']).where('id', 'in', wanted).execute();
    return new Map(rows.map((r): [string, JsonValue] => [r.id, JSON.parse(r.value)]));
  }

  async entryIdAt(index: bigint): Promise<number | undefined> {
    const row = await this.#db.selectFrom('logEntries').select('id').where('leafIndex', '=', Number(index)).executeTakeFirst();
    return row ? Number(row.id) : undefined;
  }

  async openings(entryId: number): Promise<SealOpening[]> {
    return this.#db
      .selectFrom('sealOpenings')
      .innerJoin('sealedValues', 'sealedValues.id', 'sealOpenings.valueId')
      .select(['sealOpenings.field', 'sealOpenings.valueId', 'sealedValues.value', 'sealOpenings.opening', 'sealOpenings.unsealedAt'])
      .where('sealOpenings.logEntryId', '=', entryId)
      .orderBy('sealOpenings.field')
      .execute();
  }

  async markUnsealed(entryId: number, field: string, at: string): Promise<void> {
    await this.#db.updateTable('sealOpenings').set({ unsealedAt: at }).where('logEntryId', '=', entryId).where('field', '=', field).execute();
  }

  async shred(valueId: string): Promise<number> {
    const row = await this.#db.selectFrom('sealedValues').select('groupId').where('id', '=', valueId).executeTakeFirst();
    if (!row) return 0;
    const group = this.#db.selectFrom('sealedValues').select('id').where('groupId', '=', row.groupId);
    await this.#db.deleteFrom('sealOpenings').where('valueId', 'in', group).execute();
    const deleted = await this.#db.deleteFrom('sealedValues').where('groupId', '=', row.groupId).executeTakeFirst();
    this.#shredded = true;
    return Number(deleted.numDeletedRows);
  }
}
