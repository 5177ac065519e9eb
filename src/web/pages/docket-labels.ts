/** Words for the fields of a docket's proposal, on its page and in its forms. */
export const IMPACT_REPORT_LABELS: Readonly<Record<string, string>> = {
  purpose: 'Purpose', dataCollected: 'What it collects', use: 'How it will be used', retention: 'Retention', sharing: 'Sharing', legalBasis: 'Legal basis',
  monitoring: 'Monitoring and oversight', fiscalCost: 'Fiscal cost', alternatives: 'Alternatives considered', racialEquity: 'Racial-equity assessment',
  workingGroupAssessment: 'Working group\'s assessment', departmentResponse: 'The department\'s response',
};
export const USE_POLICY_LABELS: Readonly<Record<string, string>> = { retention: 'Retention', sharing: 'Sharing', access: 'Access', training: 'Training', auditing: 'Auditing', complaints: 'Complaints' };
