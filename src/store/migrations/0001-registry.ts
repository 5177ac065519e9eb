import { type CreateTableBuilder, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { CountersignMigration } from './migration.js';

type Table = CreateTableBuilder<string, never>;

function timestamps(table: Table): Table {
  return table.addColumn('created_at', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull());
}

function status(table: Table): Table {
  return table.addColumn('status', 'text', (c) => c.notNull());
}

/** The registry: organisations, people, products, relationships, designations, incidents, contracts, policies, sources. */
export const registryMigration: CountersignMigration = {
  name: '0001-registry',
  async up(db: Kysely<Database>) {
    const schema = db.schema;
    await status(timestamps(schema.createTable('sources')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('publisher', 'text')
      .addColumn('date', 'text')
      .addColumn('url', 'text')
      .addColumn('file', 'text')
      .addColumn('notes', 'text'))).execute();

    await status(timestamps(schema.createTable('organizations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('country', 'text')
      .addColumn('locality', 'text')
      .addColumn('parent_id', 'text')
      .addColumn('notes', 'text'))).execute();

    await schema.createTable('record_names')
      .addColumn('record_type', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('until', 'text')
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('record_names_pk', ['record_type', 'record_id', 'kind', 'name'])
      .execute();

    await schema.createTable('record_identifiers')
      .addColumn('record_type', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('scheme', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('record_identifiers_pk', ['record_type', 'record_id', 'scheme', 'value'])
      .execute();
    await schema.createIndex('record_identifiers_value').on('record_identifiers').columns(['scheme', 'value']).execute();

    await status(timestamps(schema.createTable('people')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text')
      .addColumn('nationality', 'text')
      .addColumn('notes', 'text'))).execute();

    await status(timestamps(schema.createTable('products')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('vendor_id', 'text')
      .addColumn('capabilities', 'text', (c) => c.notNull())
      .addColumn('notes', 'text'))).execute();
    await schema.createIndex('products_vendor').on('products').column('vendor_id').execute();

    await status(timestamps(schema.createTable('relationships')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('from_type', 'text', (c) => c.notNull())
      .addColumn('from_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('to_type', 'text', (c) => c.notNull())
      .addColumn('to_id', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text')
      .addColumn('end_date', 'text')
      .addColumn('notes', 'text'))).execute();
    await schema.createIndex('relationships_from').on('relationships').column('from_id').execute();
    await schema.createIndex('relationships_to').on('relationships').column('to_id').execute();

    await status(timestamps(schema.createTable('designations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('authority', 'text', (c) => c.notNull())
      .addColumn('list', 'text', (c) => c.notNull())
      .addColumn('listed_date', 'text', (c) => c.notNull())
      .addColumn('delisted_date', 'text')
      .addColumn('reason', 'text')
      .addColumn('delisting_reason', 'text'))).execute();
    await schema.createIndex('designations_subject').on('designations').column('subject_id').execute();

    await status(timestamps(schema.createTable('incidents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text')
      .addColumn('date', 'text')
      .addColumn('forensic_confirmation', 'text'))).execute();

    await schema.createTable('incident_links')
      .addColumn('incident_id', 'text', (c) => c.notNull())
      .addColumn('link_type', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('incident_links_pk', ['incident_id', 'link_type', 'value'])
      .execute();
    await schema.createIndex('incident_links_value').on('incident_links').columns(['link_type', 'value']).execute();

    await status(timestamps(schema.createTable('contracts')
      .addColumn('piid', 'text', (c) => c.primaryKey())
      .addColumn('award_key', 'text', (c) => c.unique())
      .addColumn('award_key_note', 'text')
      .addColumn('buyer_id', 'text')
      .addColumn('funding_office_id', 'text')
      .addColumn('recipient_id', 'text')
      .addColumn('recipient_uei', 'text')
      .addColumn('value', 'double precision')
      .addColumn('currency', 'text')
      .addColumn('competition', 'text')
      .addColumn('term', 'text')
      .addColumn('description', 'text')
      .addColumn('notes', 'text'))).execute();
    await schema.createIndex('contracts_recipient').on('contracts').column('recipient_id').execute();

    await status(timestamps(schema.createTable('contract_transactions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('piid', 'text', (c) => c.notNull())
      .addColumn('transaction_key', 'text', (c) => c.unique())
      .addColumn('modification', 'text')
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('date', 'text')
      .addColumn('amount', 'double precision')
      .addColumn('description', 'text')
      .addColumn('note', 'text'))).execute();
    await schema.createIndex('contract_transactions_piid').on('contract_transactions').column('piid').execute();

    await status(timestamps(schema.createTable('policies')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('jurisdiction', 'text')
      .addColumn('date', 'text')
      .addColumn('summary', 'text')
      .addColumn('notes', 'text')
      .addColumn('details', 'text', (c) => c.notNull()))).execute();

    await schema.createTable('fact_sources')
      .addColumn('record_type', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('fact_sources_pk', ['record_type', 'record_id', 'source_id'])
      .execute();
    await schema.createIndex('fact_sources_source').on('fact_sources').column('source_id').execute();

    await schema.createTable('changes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('record_type', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('proposed_by', 'text', (c) => c.notNull())
      .addColumn('proposed_at', 'text', (c) => c.notNull())
      .addColumn('reviewed_by', 'text')
      .addColumn('reviewed_at', 'text')
      .addColumn('review_note', 'text')
      .execute();
    await schema.createIndex('changes_record').on('changes').columns(['record_type', 'record_id']).execute();
    await schema.createIndex('changes_status').on('changes').columns(['status', 'proposed_at']).execute();
  },
};
