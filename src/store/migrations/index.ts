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
import { exportLicensesMigration } from './0065-export-licenses.js';
import { disclosureRequestsMigration } from './0070-disclosure-requests.js';
import { acquisitionReviewsMigration } from './0050-acquisition-reviews.js';
import { authorizedUsesMigration } from './0055-authorized-uses.js';
import { oversightDocketsMigration } from './0060-oversight-dockets.js';
import { remedyMigration } from './0075-remedy.js';
import { indexPagesAndSearchMigration } from './0113-index-pages-and-search.js';
import { screenedObservationsMigration } from './0091-screened-observations.js';
import { alertAnnotationsMigration } from './0092-alert-annotations.js';
import { findingSubjectsMigration } from './0056-finding-subjects.js';
import { authorizationRetentionShredMigration } from './0121-authorization-retention-shred.js';
import type { CountersignMigration } from './migration.js';
import { requestDocumentsInSearchMigration } from './0114-request-documents-in-search.js';

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
  exportLicensesMigration,
  disclosureRequestsMigration,
  acquisitionReviewsMigration,
  authorizedUsesMigration,
  oversightDocketsMigration,
  remedyMigration,
  indexPagesAndSearchMigration,
  screenedObservationsMigration,
  alertAnnotationsMigration,
  findingSubjectsMigration,
  requestDocumentsInSearchMigration,
  authorizationRetentionShredMigration,
];
