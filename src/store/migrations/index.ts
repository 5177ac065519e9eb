import { registryMigration } from './0001-registry.js';
import { accountsMigration } from './0002-accounts.js';
import { logAndSearchMigration } from './0003-log-and-search.js';
import { ledgerMigration } from './0004-ledger.js';
import { alertsMigration } from './0005-alerts.js';
import { sealStoreMigration } from './0006-seal-store.js';
import { grantsAndDeadlinesMigration } from './0007-grants-and-deadlines.js';
import { familyIndexesMigration } from './0025-family-indexes.js';
import { sourceArchivesMigration } from './0030-source-archives.js';
import { checkpointChainMigration } from './0040-checkpoint-chain.js';
import { rateLimitsMigration } from './0045-rate-limits.js';
import { passwordResetsMigration } from './0046-password-resets.js';
import { logRestoresMigration } from './0047-log-restores.js';
import { securitiesAndStakesMigration } from './0080-securities-and-stakes.js';
import { acquisitionReviewsMigration } from './0050-acquisition-reviews.js';
import { disclosureRequestsMigration } from './0070-disclosure-requests.js';
import { oversightDocketsMigration } from './0060-oversight-dockets.js';
import type { CountersignMigration } from './migration.js';

/** Every migration, in the order it runs (one per line). Append only: a released migration never changes. */
export const MIGRATIONS: readonly CountersignMigration[] = [
  registryMigration,
  accountsMigration,
  logAndSearchMigration,
  ledgerMigration,
  alertsMigration,
  sealStoreMigration,
  grantsAndDeadlinesMigration,
  familyIndexesMigration,
  sourceArchivesMigration,
  checkpointChainMigration,
  rateLimitsMigration,
  passwordResetsMigration,
  logRestoresMigration,
  securitiesAndStakesMigration,
  acquisitionReviewsMigration,
  disclosureRequestsMigration,
  oversightDocketsMigration,
];
