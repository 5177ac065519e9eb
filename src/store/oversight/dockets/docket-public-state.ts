import { canonicalJson } from '../../../ledger/entries/canonical-json.js';
import type { PublicStateSection } from '../../public-state/public-state-section.js';
import { docketOf, findingOf, reportOf, voteOf } from './kysely-docket-store.js';

/** Dockets as the public sees them: proposal, notice, hearing, decision, report due, expiry. */
const docketSection: PublicStateSection = {
  name: 'docket',
  async items(db) {
    return (await db.selectFrom('dockets').selectAll().execute()).map((row) => [row.id, canonicalJson({ ...docketOf(row) })] as const);
  },
};

/** Published comments only: a pending or rejected comment's text is sealed, a contact always is. */
const commentSection: PublicStateSection = {
  name: 'docket-comment',
  async items(db) {
    const rows = await db.selectFrom('docketComments').select(['id', 'docketId', 'text', 'submittedAt', 'moderatedAt', 'moderatedBy']).where('status', '=', 'published').execute();
    return rows.map((row) => [row.id, canonicalJson({ ...row })] as const);
  },
};

const voteSection: PublicStateSection = {
  name: 'docket-vote',
  async items(db) {
    return (await db.selectFrom('docketVotes').selectAll().execute()).map((row) => [`${row.docketId}/${row.member}`, canonicalJson({ ...voteOf(row) })] as const);
  },
};

const reportSection: PublicStateSection = {
  name: 'docket-report',
  async items(db) {
    return (await db.selectFrom('docketReports').selectAll().execute()).map((row) => [`${row.docketId}/${row.dueOn}`, canonicalJson({ ...reportOf(row) })] as const);
  },
};

const findingSection: PublicStateSection = {
  name: 'docket-finding',
  async items(db) {
    return (await db.selectFrom('docketFindings').selectAll().execute()).map((row) => [row.id, canonicalJson({ ...findingOf(row) })] as const);
  },
};

/** What dockets publish; `log replay` and `log check` rebuild and compare every item. */
export const DOCKET_SECTIONS: readonly PublicStateSection[] = [docketSection, commentSection, voteSection, reportSection, findingSection];
