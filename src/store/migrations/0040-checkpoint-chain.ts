import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { CountersignMigration } from './migration.js';

/**
 * Chains the stored checkpoints: each row names the size of the checkpoint signed just before it
 * (NULL for the first). `log check` follows the chain, so a checkpoint row deleted from the middle
 * shows as a link to a size that is no longer there. Rows already stored are linked in size order
 * (the sequencer only ever signs growing trees, one step after the other).
 */
export const checkpointChainMigration: CountersignMigration = {
  name: '0040-checkpoint-chain',
  async up(db: Kysely<Database>) {
    await db.schema.alterTable('log_checkpoints').addColumn('previous_size', 'bigint').execute();
    await sql`update log_checkpoints set previous_size =
      (select max(earlier.size) from log_checkpoints earlier where earlier.size < log_checkpoints.size)`.execute(db);
  },
};
