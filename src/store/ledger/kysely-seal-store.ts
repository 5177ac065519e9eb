import type { Kysely } from 'kysely';
import type { SealOpening, SealStore } from '../../ledger/seal/seal-store.js';
import type { Database } from '../schema.js';

/** Seal openings over Kysely: a table apart from the log, whose rows may be deleted. */
export class KyselySealStore implements SealStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async entryIdAt(index: bigint): Promise<number | undefined> {
    const row = await this.#db.selectFrom('logEntries').select('id').where('leafIndex', '=', Number(index)).executeTakeFirst();
    return row ? Number(row.id) : undefined;
  }

  async openings(entryId: number): Promise<SealOpening[]> {
    return this.#db.selectFrom('sealOpenings').select(['field', 'value', 'opening', 'unsealedAt']).where('logEntryId', '=', entryId).orderBy('field').execute();
  }

  async markUnsealed(entryId: number, field: string, at: string): Promise<void> {
    await this.#db.updateTable('sealOpenings').set({ unsealedAt: at }).where('logEntryId', '=', entryId).where('field', '=', field).execute();
  }

  async deleteOpening(entryId: number, field: string): Promise<boolean> {
    const result = await this.#db.deleteFrom('sealOpenings').where('logEntryId', '=', entryId).where('field', '=', field).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
