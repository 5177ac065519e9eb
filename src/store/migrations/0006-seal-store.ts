import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { CountersignMigration } from './migration.js';

/** A row as Kysely returns it here: the CamelCasePlugin turns column names into camelCase keys. */
type Row = Record<string, unknown>;

const text = (row: Row, column: string): string => {
  const value = row[column];
  if (typeof value !== 'string') throw new Error(`migration 0006: ${column} is not text`);
  return value;
};
const maybeText = (row: Row, column: string): string | null => (row[column] === null || row[column] === undefined ? null : text(row, column));

/**
 * The seal store becomes the one place a sealed value's plaintext lives (issue #7: shredding must
 * erase). `sealed_values` holds each value once; `seal_openings` refers to it; tips, pending and
 * rejected changes, and review-queue items refer to it instead of holding copies. A value shares
 * a group with the values that must be shredded with it.
 *
 * Existing rows are carried over: a tip's fields, a change's proposal and record id, a review
 * item's details are linked to the values their log entry sealed. A field whose opening was
 * shredded before this migration is erased now (the old shred left a copy in the domain row).
 * Tables are rebuilt rather than altered because SQLite cannot relax NOT NULL in place.
 */
export const sealStoreMigration: CountersignMigration = {
  name: '0006-seal-store',
  async up(db: Kysely<Database>) {
    const now = new Date().toISOString();
    await db.schema.createTable('sealed_values')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('group_id', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sealed_values_group').on('sealed_values').column('group_id').execute();

    // Openings: the value moves to sealed_values.
    await db.schema.createTable('seal_openings_v2')
      .addColumn('log_entry_id', 'bigint', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('value_id', 'text', (c) => c.notNull())
      .addColumn('opening', 'text', (c) => c.notNull())
      .addColumn('unsealed_at', 'text')
      .addPrimaryKeyConstraint('seal_openings_v2_pk', ['log_entry_id', 'field'])
      .execute();
    const openings = await sql<Row>`select log_entry_id, field, value, opening, unsealed_at from seal_openings order by log_entry_id, field`.execute(db);
    for (const o of openings.rows) {
      const id = randomUUID();
      await sql`insert into sealed_values (id, group_id, value, created_at) values (${id}, ${id}, ${text(o, 'value')}, ${now})`.execute(db);
      await sql`insert into seal_openings_v2 (log_entry_id, field, value_id, opening, unsealed_at) values (${Number(o['logEntryId'])}, ${text(o, 'field')}, ${id}, ${text(o, 'opening')}, ${maybeText(o, 'unsealedAt')})`.execute(db);
    }
    await db.schema.dropTable('seal_openings').execute();
    await sql`alter table seal_openings_v2 rename to seal_openings`.execute(db);
    await db.schema.createIndex('seal_openings_value').on('seal_openings').column('value_id').execute();

    /** The seal-store value an entry of `type` about `subject` sealed as `field`, if it still exists. */
    const sealedBy = async (subject: string, type: string, field: string): Promise<{ id: string; group: string } | null> => {
      const found = await sql<Row>`select v.id, v.group_id from log_entry_subjects s
        join log_entries e on e.id = s.log_entry_id
        join seal_openings o on o.log_entry_id = e.id and o.field = ${field}
        join sealed_values v on v.id = o.value_id
        where s.subject = ${subject} and e.type = ${type} order by e.id limit 1`.execute(db);
      const row = found.rows[0];
      return row ? { id: text(row, 'id'), group: text(row, 'groupId') } : null;
    };
    /** A reference for a value a row held in plain text: the sealed copy if the log sealed it, else erased (a shredded opening) or a new value. */
    const refFor = async (value: string | null, subject: string, type: string, field: string, sealedInLog: boolean): Promise<string | null> => {
      if (value === null) return null;
      const sealed = await sealedBy(subject, type, field);
      if (sealed) return sealed.id;
      if (sealedInLog) return randomUUID(); // the opening was shredded: the value is erased now, the reference dangles
      const id = randomUUID();
      await sql`insert into sealed_values (id, group_id, value, created_at) values (${id}, ${id}, ${value}, ${now})`.execute(db);
      return id;
    };

    // Tips: every field but the status is sealed.
    await db.schema.createTable('tips_v2')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('subject_ref', 'text', (c) => c.notNull())
      .addColumn('body_ref', 'text', (c) => c.notNull())
      .addColumn('source_url_ref', 'text')
      .addColumn('contact_ref', 'text')
      // SHA-256 of the receipt token: the receipt's address, which the public log never shows.
      .addColumn('receipt_hash', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('moderated_by', 'text')
      .addColumn('moderated_at', 'text')
      .addColumn('moderation_note', 'text')
      .execute();
    const tips = await sql<Row>`select * from tips`.execute(db);
    for (const t of tips.rows) {
      const subject = `tip:${text(t, 'id')}`;
      const json = (v: string | null) => (v === null ? null : JSON.stringify(v));
      const ref = (column: string, field: string) => refFor(json(maybeText(t, column)), subject, 'tips.tip.submitted', field, true);
      const [subjectRef, bodyRef, sourceUrlRef, contactRef] = [await ref('subject', 'subject'), await ref('body', 'body'), await ref('source_url', 'sourceUrl'), await ref('contact', 'contact')];
      await sql`insert into tips_v2 (id, subject_ref, body_ref, source_url_ref, contact_ref, status, submitted_at, moderated_by, moderated_at, moderation_note)
        values (${text(t, 'id')}, ${subjectRef ?? randomUUID()}, ${bodyRef ?? randomUUID()}, ${sourceUrlRef}, ${contactRef}, ${text(t, 'status')}, ${text(t, 'submittedAt')}, ${maybeText(t, 'moderatedBy')}, ${maybeText(t, 'moderatedAt')}, ${maybeText(t, 'moderationNote')})`.execute(db);
    }
    await db.schema.dropTable('tips').execute();
    await sql`alter table tips_v2 rename to tips`.execute(db);
    await db.schema.createIndex('tips_status').on('tips').columns(['status', 'submitted_at']).execute();
    await db.schema.createIndex('tips_receipt').on('tips').column('receipt_hash').unique().execute();

    // Changes: a pending or rejected proposal (and its record id) stays sealed; an applied one is public.
    await db.schema.createTable('changes_v2')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('record_type', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text')
      .addColumn('record_id_ref', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('data', 'text')
      .addColumn('data_ref', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('proposed_by', 'text', (c) => c.notNull())
      .addColumn('proposed_at', 'text', (c) => c.notNull())
      .addColumn('reviewed_by', 'text')
      .addColumn('reviewed_at', 'text')
      .addColumn('review_note', 'text')
      .addColumn('review_note_ref', 'text')
      .execute();
    const changes = await sql<Row>`select * from changes`.execute(db);
    for (const c of changes.rows) {
      const subject = `change:${text(c, 'id')}`;
      const status = text(c, 'status');
      const proposed = await sealedBy(subject, 'registry.change.proposed', 'proposal');
      const recordIdRef = await sealedBy(subject, 'registry.change.proposed', 'recordId');
      const publicRow = status === 'applied';
      const note = maybeText(c, 'reviewNote');
      const noteRef = status === 'rejected' && note !== null ? await refFor(JSON.stringify(note), subject, 'registry.change.rejected', 'note', true) : null;
      await sql`insert into changes_v2 (id, record_type, record_id, record_id_ref, action, data, data_ref, status, proposed_by, proposed_at, reviewed_by, reviewed_at, review_note, review_note_ref)
        values (${text(c, 'id')}, ${text(c, 'recordType')}, ${publicRow ? text(c, 'recordId') : null}, ${recordIdRef?.id ?? null}, ${text(c, 'action')},
          ${publicRow ? text(c, 'data') : null}, ${proposed?.id ?? (publicRow ? null : randomUUID())}, ${status}, ${text(c, 'proposedBy')}, ${text(c, 'proposedAt')},
          ${maybeText(c, 'reviewedBy')}, ${maybeText(c, 'reviewedAt')}, ${status === 'rejected' ? null : note}, ${noteRef})`.execute(db);
    }
    await db.schema.dropTable('changes').execute();
    await sql`alter table changes_v2 rename to changes`.execute(db);
    await db.schema.createIndex('changes_record').on('changes').columns(['record_type', 'record_id']).execute();
    await db.schema.createIndex('changes_status').on('changes').columns(['status', 'proposed_at']).execute();

    // Alerts: a review item's details (which organisation, which contract, why) are sealed until confirmed.
    await db.schema.createTable('alerts_v2')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('transaction_key', 'text', (c) => c.notNull().unique())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('details_ref', 'text')
      .addColumn('award_key', 'text')
      .addColumn('piid', 'text')
      .addColumn('modification', 'text')
      .addColumn('action_date', 'text')
      .addColumn('amount', 'double precision')
      .addColumn('organization_id', 'text')
      .addColumn('organization_name', 'text')
      .addColumn('event', 'text')
      .addColumn('score', 'double precision')
      .addColumn('reasons', 'text')
      .addColumn('transaction', 'text')
      .addColumn('origin', 'text')
      .addColumn('watchlist_version', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('reviewed_by', 'text')
      .addColumn('reviewed_at', 'text')
      .addColumn('review_note', 'text')
      .execute();
    const alerts = await sql<Row>`select * from alerts`.execute(db);
    for (const a of alerts.rows) {
      const status = text(a, 'status');
      const columns = ['award_key', 'piid', 'modification', 'action_date', 'amount', 'organization_id', 'organization_name', 'event', 'score', 'reasons', 'transaction', 'origin', 'watchlist_version'] as const;
      if (status === 'raised' || status === 'confirmed') {
        await sql`insert into alerts_v2 (id, transaction_key, status, decision, details_ref, ${sql.join(columns.map((c) => sql.ref(c)))}, created_at, reviewed_by, reviewed_at, review_note)
          values (${text(a, 'id')}, ${text(a, 'transactionKey')}, ${status}, ${text(a, 'decision')}, ${null}, ${sql.join(columns.map((c) => sql`${a[c.replace(/_([a-z])/g, (_, l: string) => l.toUpperCase())] ?? null}`))}, ${text(a, 'createdAt')}, ${maybeText(a, 'reviewedBy')}, ${maybeText(a, 'reviewedAt')}, ${maybeText(a, 'reviewNote')})`.execute(db);
        continue;
      }
      const match = await sealedBy(`alert:${text(a, 'id')}`, 'procurement.review.queued', 'match');
      let detailsRef: string;
      if (match) {
        detailsRef = randomUUID();
        const details = {
          awardKey: a['awardKey'], piid: a['piid'], modification: a['modification'], actionDate: a['actionDate'], amount: Number(a['amount']),
          organizationId: a['organizationId'], organizationName: a['organizationName'], event: a['event'], score: Number(a['score']),
          reasons: JSON.parse(text(a, 'reasons')), transaction: JSON.parse(text(a, 'transaction')), origin: a['origin'], watchlistVersion: a['watchlistVersion'],
        };
        await sql`insert into sealed_values (id, group_id, value, created_at) values (${detailsRef}, ${match.group}, ${JSON.stringify(details)}, ${now})`.execute(db);
      } else {
        detailsRef = randomUUID(); // shredded before: erased now
      }
      await sql`insert into alerts_v2 (id, transaction_key, status, decision, details_ref, created_at, reviewed_by, reviewed_at, review_note)
        values (${text(a, 'id')}, ${text(a, 'transactionKey')}, ${status}, ${text(a, 'decision')}, ${detailsRef}, ${text(a, 'createdAt')}, ${maybeText(a, 'reviewedBy')}, ${maybeText(a, 'reviewedAt')}, ${maybeText(a, 'reviewNote')})`.execute(db);
    }
    await db.schema.dropTable('alerts').execute();
    await sql`alter table alerts_v2 rename to alerts`.execute(db);
    await db.schema.createIndex('alerts_status').on('alerts').columns(['status', 'created_at']).execute();
    await db.schema.createIndex('alerts_organization').on('alerts').columns(['organization_id', 'created_at']).execute();
  },
};
