import type { Kysely } from 'kysely';
import { US_2516_OFFENCE_CATEGORIES } from '../../oversight/authorizations/offence-categories.js';
import type { Database } from '../schema.js';
import type { CountersignMigration } from './migration.js';

/**
 * Authorised uses and post-use audits (issue #8): the configured serious-crime categories (seeded
 * with the predicate offences of 18 U.S.C. § 2516), each agency's pseudonym key (a seal-store id:
 * the key itself lives only there), authorisations, uses, sharing events, findings and audits.
 * Sealed fields (docket number, target) are seal-store ids here, never plaintext.
 */
export const authorizedUsesMigration: CountersignMigration = {
  name: '0055-authorized-uses',
  async up(db: Kysely<Database>) {
    await db.schema.createTable('oversight_offence_categories')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('statute', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .execute();
    await db.insertInto('oversightOffenceCategories').values(US_2516_OFFENCE_CATEGORIES.map((c, position) => ({ ...c, position }))).execute();

    await db.schema.createTable('oversight_agency_keys')
      .addColumn('agency', 'text', (c) => c.primaryKey())
      .addColumn('key_ref', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema.createTable('oversight_authorizations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('agency', 'text', (c) => c.notNull())
      .addColumn('review', 'text', (c) => c.notNull())
      .addColumn('product', 'text', (c) => c.notNull())
      .addColumn('offence_category', 'text', (c) => c.notNull())
      .addColumn('legal_authority', 'text', (c) => c.notNull())
      .addColumn('issuing_court', 'text', (c) => c.notNull())
      .addColumn('jurisdiction', 'text', (c) => c.notNull())
      .addColumn('docket_ref', 'text')
      .addColumn('target_ref', 'text')
      .addColumn('target_pseudonym', 'text', (c) => c.notNull())
      .addColumn('data_categories', 'text', (c) => c.notNull())
      .addColumn('scope_mask', 'integer', (c) => c.notNull())
      .addColumn('valid_from', 'text', (c) => c.notNull())
      .addColumn('valid_to', 'text', (c) => c.notNull())
      .addColumn('original_valid_to', 'text', (c) => c.notNull())
      .addColumn('extensions', 'integer', (c) => c.notNull())
      .addColumn('retention_days', 'integer', (c) => c.notNull())
      .addColumn('deletion_due_on', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .addColumn('notice_due_on', 'text', (c) => c.notNull())
      .addColumn('notice_extensions', 'integer', (c) => c.notNull())
      .addColumn('notice_given_at', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('entry_id', 'integer')
      .addColumn('unsealed', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('oversight_authorizations_agency').on('oversight_authorizations').columns(['agency', 'valid_from']).execute();
    await db.schema.createIndex('oversight_authorizations_entry').on('oversight_authorizations').column('entry_id').execute();

    await db.schema.createTable('oversight_uses')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('agency', 'text', (c) => c.notNull())
      .addColumn('authorization_id', 'text')
      .addColumn('cited', 'text', (c) => c.notNull())
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('data_categories', 'text', (c) => c.notNull())
      .addColumn('category_mask', 'integer', (c) => c.notNull())
      .addColumn('approval_active', 'integer', (c) => c.notNull())
      .addColumn('before_notice_clock', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .execute();
    // The audit reads one agency's uses of a period in one range scan.
    await db.schema.createIndex('oversight_uses_agency_time').on('oversight_uses').columns(['agency', 'occurred_at']).execute();
    await db.schema.createIndex('oversight_uses_authorization').on('oversight_uses').column('authorization_id').execute();

    await db.schema.createTable('oversight_sharings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('authorization_id', 'text', (c) => c.notNull())
      .addColumn('agency', 'text', (c) => c.notNull())
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('legal_basis', 'text')
      .addColumn('shared_at', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('oversight_sharings_agency').on('oversight_sharings').columns(['agency', 'shared_at']).execute();

    await db.schema.createTable('oversight_findings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('agency', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('audit_id', 'text')
      .addColumn('raised_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('oversight_findings_agency').on('oversight_findings').columns(['agency', 'raised_at']).execute();
    await db.schema.createIndex('oversight_findings_audit').on('oversight_findings').column('audit_id').execute();

    await db.schema.createTable('oversight_audits')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('agency', 'text', (c) => c.notNull())
      .addColumn('period_start', 'text', (c) => c.notNull())
      .addColumn('period_end', 'text', (c) => c.notNull())
      .addColumn('as_of', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('run_by', 'text', (c) => c.notNull())
      .addColumn('findings_count', 'integer', (c) => c.notNull())
      .addColumn('findings_digest', 'text', (c) => c.notNull())
      .addColumn('findings_by_kind', 'text', (c) => c.notNull())
      .addColumn('signed_off_at', 'text')
      .addColumn('signed_off_by', 'text')
      .addColumn('note', 'text')
      .addColumn('statistics', 'text')
      .execute();
    await db.schema.createIndex('oversight_audits_agency').on('oversight_audits').columns(['agency', 'period_start']).execute();
  },
};
