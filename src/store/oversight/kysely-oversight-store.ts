import type { Kysely } from 'kysely';
import { canonicalJson } from '../../ledger/entries/canonical-json.js';
import type { OversightStore, RegistryHit, ReviewFilters } from '../../oversight/oversight-store.js';
import { acquisitionReviewSchema, type AcquisitionReview, type ReviewStatus } from '../../oversight/reviews/acquisition-review.js';
import { isRecordType, type RecordType } from '../../registry/schemas/common.js';
import { KyselyRegistryStore } from '../registry/kysely-registry-store.js';
import { readCorporateFamily } from '../registry/queries/read-corporate-family.js';
import type { AcquisitionReviewTable, Database } from '../schema.js';

function rowOf(review: AcquisitionReview): AcquisitionReviewTable {
  return {
    id: review.id, agency: review.agency, product: review.product, vendor: review.vendor, contract: review.contract, status: review.status, openedOn: review.openedOn,
    updatedAt: review.updatedAt, document: canonicalJson(review),
  };
}

/** The review a row holds; its state is the column's (the kernel moves it). */
export function reviewOfRow(row: Pick<AcquisitionReviewTable, 'status' | 'document'>): AcquisitionReview {
  const parsed = acquisitionReviewSchema.parse(JSON.parse(row.document));
  return { ...parsed, status: acquisitionReviewSchema.shape.status.parse(row.status) };
}

/** Acquisition reviews over Kysely (SQLite and PostgreSQL), and the registry reads their risk factors need. */
export class KyselyOversightStore implements OversightStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async review(id: string): Promise<AcquisitionReview | null> {
    const row = await this.#db.selectFrom('acquisitionReviews').select(['status', 'document']).where('id', '=', id).executeTakeFirst();
    return row ? reviewOfRow(row) : null;
  }

  async insertReview(review: AcquisitionReview): Promise<void> {
    await this.#db.insertInto('acquisitionReviews').values(rowOf(review)).execute();
  }

  async saveReview(review: AcquisitionReview): Promise<void> {
    const { id: _id, ...row } = rowOf(review);
    await this.#db.updateTable('acquisitionReviews').set(row).where('id', '=', review.id).execute();
  }

  async putReview(review: AcquisitionReview): Promise<void> {
    const row = rowOf(review);
    const { id: _id, ...rest } = row;
    await this.#db.insertInto('acquisitionReviews').values(row).onConflict((oc) => oc.column('id').doUpdateSet(rest)).execute();
  }

  async listReviews(filters: ReviewFilters, limit: number, offset: number): Promise<{ items: AcquisitionReview[]; total: number }> {
    let query = this.#db.selectFrom('acquisitionReviews');
    if (filters.agency) query = query.where('agency', '=', filters.agency);
    if (filters.status) query = query.where('status', '=', filters.status);
    if (filters.product) query = query.where('product', '=', filters.product);
    if (filters.vendor) query = query.where('vendor', '=', filters.vendor);
    const total = Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
    const rows = await query.select(['status', 'document']).orderBy('openedOn', 'desc').orderBy('id').limit(limit).offset(offset).execute();
    return { items: rows.map(reviewOfRow), total };
  }

  /**
   * Every review (of one agency, or all), in one query, for reports over thousands: the documents
   * are this store's own canonical JSON, so they are read without re-validating each one.
   */
  async allReviews(agency: string | null): Promise<AcquisitionReview[]> {
    let query = this.#db.selectFrom('acquisitionReviews').select(['status', 'document']);
    if (agency !== null) query = query.where('agency', '=', agency);
    const rows = await query.orderBy('openedOn', 'desc').orderBy('id').execute();
    return rows.map((r) => ({ ...(JSON.parse(r.document) as AcquisitionReview), status: acquisitionReviewSchema.shape.status.parse(r.status) }));
  }

  async anyInStatus(statuses: readonly ReviewStatus[]): Promise<boolean> {
    if (statuses.length === 0) return false;
    return (await this.#db.selectFrom('acquisitionReviews').select('id').where('status', 'in', [...statuses]).limit(1).executeTakeFirst()) !== undefined;
  }

  async reviewsTouching(statuses: readonly ReviewStatus[], products: readonly string[], vendors: readonly string[]): Promise<AcquisitionReview[]> {
    if (statuses.length === 0 || (products.length === 0 && vendors.length === 0)) return [];
    const rows = await this.#db
      .selectFrom('acquisitionReviews')
      .select(['status', 'document'])
      .where('status', 'in', [...statuses])
      .where((eb) => eb.or([...(products.length > 0 ? [eb('product', 'in', [...products])] : []), ...(vendors.length > 0 ? [eb('vendor', 'in', [...vendors])] : [])]))
      .orderBy('id')
      .execute();
    return rows.map(reviewOfRow);
  }

  async relatedOrganizations(organization: string): Promise<string[]> {
    const { members } = await readCorporateFamily(this.#db, organization);
    return [organization, ...members.map((m) => m.ref.id)];
  }

  async productsOf(organizations: readonly string[]): Promise<string[]> {
    if (organizations.length === 0) return [];
    return (await this.#db.selectFrom('products').select('id').where('vendorId', 'in', [...organizations]).orderBy('id').execute()).map((r) => r.id);
  }

  async incidentsTouching(products: readonly string[], vendors: readonly string[]): Promise<RegistryHit[]> {
    if (products.length === 0 && vendors.length === 0) return [];
    const rows = await this.#db
      .selectFrom('incidents')
      .select(['id', 'title', 'date'])
      .where('id', 'in', (qb) =>
        qb.selectFrom('incidentLinks').select('incidentId').where((eb) => eb.or([
          ...(products.length > 0 ? [eb.and([eb('linkType', '=', 'product'), eb('value', 'in', [...products])])] : []),
          ...(vendors.length > 0 ? [eb.and([eb('linkType', '=', 'vendor'), eb('value', 'in', [...vendors])])] : []),
        ])))
      .orderBy('date', 'desc')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ ref: `incident:${r.id}`, title: r.title, date: r.date }));
  }

  async designationsOf(subjects: readonly string[]): Promise<(RegistryHit & { authority: string; inForce: boolean })[]> {
    if (subjects.length === 0) return [];
    const rows = await this.#db.selectFrom('designations').select(['id', 'authority', 'list', 'listedDate', 'delistedDate', 'subjectId']).where('subjectId', 'in', [...subjects]).orderBy('listedDate', 'desc').orderBy('id').execute();
    return rows.map((r) => ({ ref: `designation:${r.id}`, title: `${r.authority} ${r.list}: ${r.subjectId}`, date: r.listedDate, authority: r.authority, inForce: r.delistedDate === null }));
  }

  async customersOf(organizations: readonly string[]): Promise<RegistryHit[]> {
    if (organizations.length === 0) return [];
    const rows = await this.#db.selectFrom('relationships').select(['id', 'fromId', 'toId', 'startDate']).where('type', '=', 'supplier-to').where('fromId', 'in', [...organizations]).orderBy('id').execute();
    return rows.map((r) => ({ ref: `relationship:${r.id}`, title: `${r.fromId} supplier to ${r.toId}`, date: r.startDate }));
  }

  async existingRefs(refs: readonly string[]): Promise<Set<string>> {
    const byType = new Map<RecordType, string[]>();
    for (const ref of refs) {
      const at = ref.indexOf(':');
      const type = ref.slice(0, at);
      if (at < 0 || !isRecordType(type)) continue;
      byType.set(type, [...(byType.get(type) ?? []), ref.slice(at + 1)]);
    }
    const registry = new KyselyRegistryStore(this.#db);
    const found = new Set<string>();
    for (const [type, keys] of byType) for (const key of await registry.existingKeys(type, keys)) found.add(`${type}:${key}`);
    return found;
  }
}
