import type { DraftSubject } from '../disclosure/requests/draft-subject.js';
import type { StoreTransaction } from '../store/store.js';

const IMPACT_REPORT: Readonly<Record<string, string>> = {
  purpose: 'purpose', dataCollected: 'data collected', use: 'use', retention: 'retention', sharing: 'sharing', legalBasis: 'legal basis', monitoring: 'monitoring',
  fiscalCost: 'fiscal cost', alternatives: 'alternatives', racialEquity: 'racial equity', workingGroupAssessment: "working group's assessment", departmentResponse: "department's response",
};
const USE_POLICY: Readonly<Record<string, string>> = { retention: 'retention', sharing: 'sharing', access: 'access', training: 'training', auditing: 'auditing', complaints: 'complaints' };

async function nameOf(tx: StoreTransaction, type: 'organization' | 'product', id: string | null): Promise<string | null> {
  if (id === null) return null;
  return (await tx.registry.getRecord(type, id))?.name ?? null;
}

/**
 * A community oversight docket: the agency that proposed the technology is asked, and every part
 * of the Surveillance Impact Report and the use policy it did not make public becomes a question.
 */
export async function readDocketSubject(tx: StoreTransaction, id: string): Promise<DraftSubject | null> {
  const docket = await tx.dockets.getDocket(id);
  if (!docket) return null;
  const agencyName = await nameOf(tx, 'organization', docket.agency);
  if (agencyName === null) return null;
  const technology = (await nameOf(tx, 'product', docket.product)) ?? docket.technology;
  const report: Readonly<Record<string, string | undefined>> = docket.proposal.impactReport;
  const policy: Readonly<Record<string, string | undefined>> = docket.proposal.usePolicy;
  const unpublishedSteps = [
    ...Object.entries(IMPACT_REPORT).filter(([key]) => !report[key]).map(([, label]) => `the Surveillance Impact Report's section on ${label}`),
    ...Object.entries(USE_POLICY).filter(([key]) => !policy[key]).map(([, label]) => `the use policy's rules on ${label}`),
  ];
  return {
    kind: 'docket', id, agencyId: docket.agency, agencyName, vendorName: await nameOf(tx, 'organization', docket.vendor), piid: null, awardKey: null, awardDate: null,
    description: docket.title, actions: [], matter: `${technology}, proposed by ${agencyName} in the oversight docket "${docket.title}"`, unpublishedSteps, path: `/dockets/${encodeURIComponent(id)}`,
  };
}
