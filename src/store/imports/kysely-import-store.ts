import type { Kysely } from 'kysely';
import type { ImportProposal, ImportStore } from '../../imports/import-store.js';
import { importKeyIn } from '../../imports/import-store.js';
import type { RecordShapes } from '../../registry/registry-record.js';
import type { RecordType } from '../../registry/schemas/common.js';
import type { Database } from '../schema.js';
import { getRecord } from '../registry/get-record.js';
import { readChanges } from '../registry/kysely-registry-store.js';

/** The import's reads over Kysely; one instance per transaction. */
export class KyselyImportStore implements ImportStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async #all<T extends 'organization' | 'person' | 'relationship' | 'product'>(type: T, table: 'organizations' | 'people' | 'relationships' | 'products'): Promise<RecordShapes[T][]> {
    const out: RecordShapes[T][] = [];
    for (const { id } of await this.#db.selectFrom(table).select('id').orderBy('id').execute()) {
      const record = await getRecord(this.#db, type, id);
      if (record === null) throw new Error(`${type} ${id} was listed but cannot be read`);
      out.push(record);
    }
    return out;
  }

  organizations(): Promise<RecordShapes['organization'][]> {
    return this.#all('organization', 'organizations');
  }

  people(): Promise<RecordShapes['person'][]> {
    return this.#all('person', 'people');
  }

  relationships(): Promise<RecordShapes['relationship'][]> {
    return this.#all('relationship', 'relationships');
  }

  products(): Promise<RecordShapes['product'][]> {
    return this.#all('product', 'products');
  }

  /** Upsert proposals whose note (sealed while pending or rejected) carries an import key. */
  async importProposals(): Promise<ImportProposal[]> {
    const types: RecordType[] = ['organization', 'person'];
    const rows = await this.#db.selectFrom('changes').selectAll().where('action', '=', 'upsert').where('recordType', 'in', types).execute();
    const out: ImportProposal[] = [];
    for (const change of await readChanges(this.#db, rows)) {
      const note = typeof change.data === 'object' && change.data !== null && 'note' in change.data && typeof change.data.note === 'string' ? change.data.note : null;
      const key = note === null ? null : importKeyIn(note);
      if (key !== null) out.push({ key, status: change.status });
    }
    return out;
  }
}
