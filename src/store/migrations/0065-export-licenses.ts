import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { CountersignMigration } from './migration.js';

/**
 * Issue #9, export-licence review: applications and licences (their screening as JSON), provisos
 * with due dates, evidence filed against them, each licence's recorded steps, the incidents that
 * sent a licence to revocation review, and the destination risk-list entries administrators add.
 */
export const exportLicensesMigration: CountersignMigration = {
  name: '0065-export-licenses',
  async up(db: Kysely<Database>) {
    await db.schema
      .createTable('export_licenses')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('exporter_id', 'text', (c) => c.notNull())
      .addColumn('item', 'text', (c) => c.notNull())
      .addColumn('eccn', 'text', (c) => c.notNull())
      .addColumn('end_user_id', 'text', (c) => c.notNull())
      .addColumn('end_use', 'text', (c) => c.notNull())
      .addColumn('destination', 'text', (c) => c.notNull())
      .addColumn('licensing_agency', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .addColumn('screening', 'text', (c) => c.notNull())
      .addColumn('decision_note', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('revocation_reasons', 'text')
      .addColumn('revoked_at', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('export_licenses_status').on('export_licenses').columns(['status', 'applied_at']).execute();
    await db.schema.createIndex('export_licenses_end_user').on('export_licenses').columns(['end_user_id', 'status']).execute();
    await db.schema.createIndex('export_licenses_destination').on('export_licenses').columns(['destination', 'status']).execute();
    await db.schema
      .createTable('export_license_provisos')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('license_id', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('due_date', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('overdue_at', 'text')
      .addColumn('met_at', 'text')
      .execute();
    await db.schema.createIndex('export_license_provisos_license').on('export_license_provisos').columns(['license_id', 'position']).execute();
    await db.schema
      .createTable('export_license_evidence')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('license_id', 'text', (c) => c.notNull())
      .addColumn('proviso_id', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('url', 'text')
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('submitted_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('export_license_evidence_license').on('export_license_evidence').columns(['license_id', 'submitted_at']).execute();
    await db.schema
      .createTable('export_license_steps')
      .addColumn('license_id', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('step', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('incident_id', 'text')
      .addPrimaryKeyConstraint('export_license_steps_pk', ['license_id', 'position'])
      .execute();
    await db.schema
      .createTable('export_license_incidents')
      .addColumn('license_id', 'text', (c) => c.notNull())
      .addColumn('incident_id', 'text', (c) => c.notNull())
      .addColumn('linked_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('export_license_incidents_pk', ['license_id', 'incident_id'])
      .execute();
    await db.schema
      .createTable('destination_risk_entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('sources', 'text', (c) => c.notNull())
      .addColumn('incidents', 'text', (c) => c.notNull())
      .addColumn('added_at', 'text', (c) => c.notNull())
      .addColumn('added_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('destination_risk_entries_country').on('destination_risk_entries').columns(['country', 'added_at']).execute();
  },
};
