import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect-name.js';
import type { Database } from '../schema.js';
import type { CountersignMigration } from './migration.js';

/**
 * The log's tree and its checkpoints: tiles (C2SP tlog-tiles; one row per tile, the latest width —
 * a narrower partial tile is a prefix of it), every signed checkpoint, witnesses' cosignatures,
 * and an index on the entries still waiting for the sequencer.
 */
export const ledgerMigration: CountersignMigration = {
  name: '0004-ledger',
  async up(db: Kysely<Database>, dialect: DialectName) {
    const blob = dialect === 'postgres' ? 'bytea' : 'blob';
    await db.schema
      .createTable('log_tiles')
      .addColumn('level', 'integer', (c) => c.notNull())
      .addColumn('idx', 'bigint', (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('hashes', blob, (c) => c.notNull())
      // A full tile's inner levels (sublevels 1-7, 254 hashes), so proofs never rehash a tile.
      .addColumn('inner', blob)
      .addPrimaryKeyConstraint('log_tiles_pk', ['level', 'idx'])
      .execute();
    await db.schema
      .createTable('log_checkpoints')
      .addColumn('size', 'bigint', (c) => c.primaryKey())
      .addColumn('root_hash', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('log_cosignatures')
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('witness', 'text', (c) => c.notNull())
      .addColumn('signature_line', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('log_cosignatures_pk', ['size', 'witness'])
      .execute();
    // Which entries concern a record, for its page's "log entries" list.
    await db.schema
      .createTable('log_entry_subjects')
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('log_entry_id', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('log_entry_subjects_pk', ['subject', 'log_entry_id'])
      .execute();
    await sql`create index log_entries_pending on log_entries (id) where leaf_index is null`.execute(db);
  },
};
