import { canonicalJson } from '../../ledger/entries/canonical-json.js';
import type { PublicStateSection } from './public-state-section.js';

const json = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/** Authorisations as the public sees them: no seal-store ids, no log row ids. */
const authorizationSection: PublicStateSection = {
  name: 'authorization',
  async items(db) {
    const rows = await db.selectFrom('oversightAuthorizations').selectAll().execute();
    return rows.map(({ docketRef: _d, targetRef: _t, entryId: _e, dataCategories, unsealed, scopeMask, extensions, retentionDays, noticeExtensions, ...rest }) => [
      rest.id, canonicalJson({ ...rest, dataCategories: json(dataCategories), unsealed: json(unsealed), scopeMask: Number(scopeMask), extensions: Number(extensions), retentionDays: Number(retentionDays), noticeExtensions: Number(noticeExtensions) }),
    ] as const);
  },
};

const useSection: PublicStateSection = {
  name: 'use',
  async items(db) {
    const rows = await db.selectFrom('oversightUses').selectAll().execute();
    return rows.map(({ dataCategories, categoryMask, approvalActive, beforeNoticeClock, ...rest }) => [
      rest.id, canonicalJson({ ...rest, dataCategories: json(dataCategories), categoryMask: Number(categoryMask), approvalActive: Number(approvalActive), beforeNoticeClock: Number(beforeNoticeClock) }),
    ] as const);
  },
};

const sharingSection: PublicStateSection = {
  name: 'sharing',
  async items(db) {
    return (await db.selectFrom('oversightSharings').selectAll().execute()).map((r) => [r.id, canonicalJson({ ...r })] as const);
  },
};

const findingSection: PublicStateSection = {
  name: 'finding',
  async items(db) {
    return (await db.selectFrom('oversightFindings').selectAll().execute()).map((r) => [r.id, canonicalJson({ ...r })] as const);
  },
};

const auditSection: PublicStateSection = {
  name: 'audit',
  async items(db) {
    const rows = await db.selectFrom('oversightAudits').selectAll().execute();
    return rows.map(({ findingsByKind, statistics, findingsCount, ...rest }) => [rest.id, canonicalJson({ ...rest, findingsCount: Number(findingsCount), findingsByKind: json(findingsByKind), statistics: json(statistics) })] as const);
  },
};

/** The configured serious-crime categories, in order. */
const offenceCategorySection: PublicStateSection = {
  name: 'offence-category',
  async items(db) {
    return (await db.selectFrom('oversightOffenceCategories').selectAll().execute()).map((r) => [r.id, canonicalJson({ ...r, position: Number(r.position) })] as const);
  },
};

/** Authorised uses and audits: what `log replay` must rebuild. */
export const USES_SECTIONS: readonly PublicStateSection[] = [offenceCategorySection, authorizationSection, useSection, sharingSection, findingSection, auditSection];
