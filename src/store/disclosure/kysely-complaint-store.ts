import type { Kysely } from 'kysely';
import { COMPLAINT_OUTCOMES, type ComplaintPatch, type ComplaintRow, type ComplaintStatus, type ComplaintStore, type EvidenceSeal, type NewComplaint } from '../../disclosure/complaints/complaint-store.js';
import type { Database } from '../schema.js';
import type { ComplaintTable } from './remedy-tables.js';
import './remedy-tables.js';

const STATUSES: readonly ComplaintStatus[] = ['received', 'under-review', 'closed'];

function isEvidence(value: unknown): value is EvidenceSeal {
  return typeof value === 'object' && value !== null && typeof (value as { sha256?: unknown }).sha256 === 'string' && typeof (value as { key?: unknown }).key === 'string';
}

/**
 * Complaints over Kysely. The complainant's fields are read from the seal store; once shredded
 * they read as null (and the evidence list as empty).
 */
export class KyselyComplaintStore implements ComplaintStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insertComplaint(c: NewComplaint): Promise<void> {
    await this.#db.insertInto('complaints').values({
      id: c.id, body: c.body, status: 'received', receivedAt: c.receivedAt, receiptHash: c.receiptHash,
      nameRef: c.refs?.name ?? null, contactRef: c.refs?.contact ?? null, accountRef: c.refs?.account ?? null, evidenceRef: c.refs?.evidence ?? null, messageRef: null,
      routedAt: null, consentAt: null, incidentId: null, outcome: null, closedAt: null, erasedAt: null,
    }).execute();
  }

  async findComplaint(id: string): Promise<ComplaintRow | null> {
    const row = await this.#db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? ((await this.#read([row]))[0] ?? null) : null;
  }

  async findComplaintByReceipt(receiptHash: string): Promise<ComplaintRow | null> {
    const row = await this.#db.selectFrom('complaints').selectAll().where('receiptHash', '=', receiptHash).executeTakeFirst();
    return row ? ((await this.#read([row]))[0] ?? null) : null;
  }

  async receiptHashOf(id: string): Promise<string | null> {
    const row = await this.#db.selectFrom('complaints').select('receiptHash').where('id', '=', id).executeTakeFirst();
    return row?.receiptHash ?? null;
  }

  async updateComplaint(id: string, patch: ComplaintPatch): Promise<void> {
    if (Object.keys(patch).length === 0) return;
    await this.#db.updateTable('complaints').set({ ...patch }).where('id', '=', id).execute();
  }

  async listComplaints(query: { bodies: readonly string[] | 'all'; status?: ComplaintStatus | undefined; limit: number; offset: number }): Promise<{ items: ComplaintRow[]; total: number }> {
    if (query.bodies !== 'all' && query.bodies.length === 0) return { items: [], total: 0 };
    let base = this.#db.selectFrom('complaints');
    if (query.bodies !== 'all') base = base.where('body', 'in', [...query.bodies]);
    if (query.status) base = base.where('status', '=', query.status);
    const rows = await base.selectAll().orderBy('receivedAt', 'desc').orderBy('id').limit(query.limit).offset(query.offset).execute();
    const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return { items: await this.#read(rows), total };
  }

  async insertEvidence(complaintId: string, position: number, ciphertext: Buffer): Promise<void> {
    await this.#db.insertInto('complaintEvidence').values({ complaintId, position, ciphertext: ciphertext.toString('base64') }).execute();
  }

  async evidenceCiphertext(complaintId: string, position: number): Promise<Buffer | null> {
    const row = await this.#db.selectFrom('complaintEvidence').select('ciphertext').where('complaintId', '=', complaintId).where('position', '=', position).executeTakeFirst();
    return row ? Buffer.from(row.ciphertext, 'base64') : null;
  }

  async deleteEvidence(complaintId: string): Promise<void> {
    await this.#db.deleteFrom('complaintEvidence').where('complaintId', '=', complaintId).execute();
  }

  async #read(rows: readonly ComplaintTable[]): Promise<ComplaintRow[]> {
    const refs = rows.flatMap((r) => [r.nameRef, r.contactRef, r.accountRef, r.evidenceRef, r.messageRef]).filter((ref): ref is string => ref !== null);
    const values = refs.length === 0 ? [] : await this.#db.selectFrom('sealedValues').select(['id', 'value']).where('id', 'in', refs).execute();
    const sealed = new Map(values.map((v): [string, unknown] => [v.id, JSON.parse(v.value)]));
    const text = (ref: string | null): string | null => {
      const value = ref === null ? null : sealed.get(ref);
      return typeof value === 'string' ? value : null;
    };
    return rows.map((row) => {
      const status = STATUSES.find((s) => s === row.status);
      if (!status) throw new Error(`complaint ${row.id} has an unknown status "${row.status}"`);
      const evidence = row.evidenceRef === null ? undefined : sealed.get(row.evidenceRef);
      return {
        id: row.id, body: row.body, status, receivedAt: row.receivedAt, routedAt: row.routedAt, consentAt: row.consentAt, incidentId: row.incidentId,
        outcome: COMPLAINT_OUTCOMES.find((o) => o === row.outcome) ?? null, closedAt: row.closedAt, erasedAt: row.erasedAt,
        name: text(row.nameRef), contact: text(row.contactRef), account: text(row.accountRef), message: text(row.messageRef),
        evidence: Array.isArray(evidence) ? evidence.filter(isEvidence) : [],
        // The group survives only while the values do.
        sealGroup: row.nameRef !== null && sealed.has(row.nameRef) ? row.nameRef : null,
      };
    });
  }
}
