import { z } from 'zod';
import { CommandError } from '../../core/command-error.js';
import { parseInput } from '../../core/parse-input.js';

/**
 * One rule of a jurisdiction's docket procedure, with where it comes from. `ordinance`: the
 * number is the ordinance's own; `configured`: the ordinance requires the step but sets no number
 * (or gives no vote at all), so this instance chose one — the note says which, and the page shows it.
 */
const ruleSchema = <T extends z.ZodType>(value: T) => z.strictObject({
  value,
  citation: z.string().min(3).max(300),
  basis: z.enum(['ordinance', 'configured']),
  note: z.string().max(1000).optional(),
});

/** An annual surveillance report section: its key, its heading and its clause. */
export const reportSectionSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-zA-Z]{1,60}$/),
  label: z.string().min(3).max(200),
  citation: z.string().min(3).max(300),
});
export type ReportSection = z.infer<typeof reportSectionSchema>;

/**
 * A jurisdiction's docket procedure as data: who decides, how long notice and comments run, how
 * votes count, which sections an annual report has. A deployment adds its own city the same way.
 */
export const jurisdictionPresetSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/),
  name: z.string().min(2).max(200),
  /** The ordinance the procedure follows, as cited; `source` is its record in the registry. */
  ordinance: z.strictObject({ citation: z.string().min(3).max(300), source: z.string().min(2).max(100) }),
  /** The board whose members vote (`board:<id>` grants) and its size. */
  board: z.strictObject({ id: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/), name: z.string().min(2).max(200), members: ruleSchema(z.number().int().min(1).max(500)) }),
  /** The agency a docket is opened by when none other is named: a registry organisation. */
  agency: z.string().min(2).max(100),
  /** The kernel calendar whose time zone ends the jurisdiction's days (only calendar days are counted). */
  calendar: z.enum(['us-federal', 'us-ca', 'us-ny']),
  /** Days a notice must precede the hearing. */
  noticeLeadDays: ruleSchema(z.number().int().min(0).max(365)),
  /** Days the comment period runs from the notice's publication. */
  commentPeriodDays: ruleSchema(z.number().int().min(1).max(365)),
  /** Days the impact report and use policy must be public before the technology is used (null: no such rule). */
  postBeforeUseDays: ruleSchema(z.number().int().min(1).max(730).nullable()),
  /** Members who must vote (yes, no or abstain) for a decision to count. */
  quorum: ruleSchema(z.number().int().min(1).max(500)),
  /** What approval needs: a majority of votes cast (yes > no) or of all members (yes > members / 2). */
  majority: ruleSchema(z.enum(['of-votes-cast', 'of-members'])),
  /** Months between annual surveillance reports. */
  reportIntervalMonths: ruleSchema(z.number().int().min(1).max(60)),
  reportSections: z.array(reportSectionSchema).min(1),
});
export type JurisdictionPreset = z.infer<typeof jurisdictionPresetSchema>;

const SMC = 'SMC 14.18 (Seattle Ordinance 125376, amended by Ordinance 125679)';
const OMC = 'OMC 9.64 (Oakland Surveillance and Community Safety Ordinance)';
const POST_ACT = 'N.Y.C. Admin. Code § 14-188 (POST Act, Local Law 65 of 2020)';
const ANNUAL_REPORT = 'OMC 9.64.010, "Annual Surveillance Report"';

/** Oakland's annual surveillance report, in the order of OMC 9.64.010's definition. */
export const OAKLAND_REPORT_SECTIONS: readonly ReportSection[] = [
  { key: 'useAndDataVolumes', label: 'How it was used, and the type and quantity of data gathered', citation: `${ANNUAL_REPORT} (A)` },
  { key: 'externalSharing', label: 'Sharing with outside entities: recipients, data, legal standard, justification', citation: `${ANNUAL_REPORT} (B)` },
  { key: 'whereDeployed', label: 'Where it was installed and deployed', citation: `${ANNUAL_REPORT} (C), (D)` },
  { key: 'complaints', label: 'Community complaints and concerns, and whether the use policy protects civil rights', citation: `${ANNUAL_REPORT} (E)` },
  { key: 'auditsAndViolations', label: 'Internal audits, violations of the use policy and the actions taken', citation: `${ANNUAL_REPORT} (F)` },
  { key: 'dataBreaches', label: 'Data breaches and other unauthorised access', citation: `${ANNUAL_REPORT} (G)` },
  { key: 'effectiveness', label: 'Whether it was effective, with crime statistics where relevant', citation: `${ANNUAL_REPORT} (H)` },
  { key: 'costs', label: 'Costs: personnel and other ongoing costs, and the source of funding', citation: OMC },
];

const MAJORITY_NOTE = 'The ordinance leaves approval to the council; how many members make a quorum and a majority is this instance\'s setting (a simple majority of the members), not a number the ordinance states.';

/**
 * Seattle, Oakland and New York City. Numbers an ordinance states are marked `ordinance`; where
 * an ordinance requires a step but sets no number, the preset says `configured` and why.
 */
export const JURISDICTION_PRESETS: readonly JurisdictionPreset[] = z.array(jurisdictionPresetSchema).parse([
  {
    id: 'seattle', name: 'Seattle', ordinance: { citation: SMC, source: 'seattle-smc-14-18' },
    board: { id: 'seattle', name: 'Seattle City Council', members: { value: 9, citation: SMC, basis: 'configured', note: 'SMC 14.18.020 requires Council approval of each surveillance impact report by ordinance; the Council\'s nine seats are set here.' } },
    agency: 'seattle-police-department', calendar: 'us-ca',
    noticeLeadDays: { value: 14, citation: `${SMC}, community review`, basis: 'configured', note: 'The chapter requires community review of each impact report; the lead time is this instance\'s setting.' },
    commentPeriodDays: { value: 30, citation: `${SMC}, community review`, basis: 'configured', note: 'The comment period\'s length is this instance\'s setting.' },
    postBeforeUseDays: { value: null, citation: 'SMC 14.18.020', basis: 'ordinance', note: 'Council approval comes before use; there is no separate posting period.' },
    quorum: { value: 5, citation: 'SMC 14.18.020', basis: 'configured', note: MAJORITY_NOTE },
    majority: { value: 'of-members', citation: 'SMC 14.18.020 (approval by ordinance)', basis: 'configured', note: MAJORITY_NOTE },
    reportIntervalMonths: { value: 12, citation: SMC, basis: 'configured', note: 'Annual reporting in Oakland\'s sections is applied to every jurisdiction here.' },
    reportSections: OAKLAND_REPORT_SECTIONS,
  },
  {
    id: 'oakland', name: 'Oakland', ordinance: { citation: OMC, source: 'oakland-omc-9-64' },
    board: { id: 'oakland', name: 'Oakland City Council, advised by the Privacy Advisory Commission', members: { value: 8, citation: OMC, basis: 'configured', note: 'The Council\'s eight seats are set here.' } },
    agency: 'oakland-police-department', calendar: 'us-ca',
    noticeLeadDays: { value: 14, citation: `${OMC}, public hearing`, basis: 'configured', note: 'The lead time is this instance\'s setting.' },
    commentPeriodDays: { value: 30, citation: `${OMC}, public hearing`, basis: 'configured', note: 'The comment period\'s length is this instance\'s setting.' },
    postBeforeUseDays: { value: null, citation: OMC, basis: 'ordinance', note: 'Council approval comes before acquisition and use; there is no separate posting period.' },
    quorum: { value: 5, citation: OMC, basis: 'configured', note: MAJORITY_NOTE },
    majority: { value: 'of-members', citation: OMC, basis: 'configured', note: MAJORITY_NOTE },
    reportIntervalMonths: { value: 12, citation: ANNUAL_REPORT, basis: 'ordinance' },
    reportSections: OAKLAND_REPORT_SECTIONS,
  },
  {
    id: 'nyc', name: 'New York City', ordinance: { citation: POST_ACT, source: 'nyc-admin-code-14-188' },
    board: { id: 'nyc', name: 'New York City Council', members: { value: 51, citation: POST_ACT, basis: 'configured', note: 'The POST Act gives no body a vote: the NYPD publishes, takes comments and finalises its policy. The Council\'s 51 seats and a vote are this instance\'s setting, so a docket can still record a decision.' } },
    agency: 'nypd', calendar: 'us-ny',
    noticeLeadDays: { value: 0, citation: POST_ACT, basis: 'configured', note: 'The Act requires no hearing.' },
    commentPeriodDays: { value: 45, citation: POST_ACT, basis: 'ordinance', note: 'Forty-five days of public comment on the draft impact and use policy.' },
    postBeforeUseDays: { value: 90, citation: POST_ACT, basis: 'ordinance', note: 'The draft impact and use policy is posted at least 90 days before a new technology is used.' },
    quorum: { value: 26, citation: POST_ACT, basis: 'configured', note: MAJORITY_NOTE },
    majority: { value: 'of-votes-cast', citation: POST_ACT, basis: 'configured', note: MAJORITY_NOTE },
    reportIntervalMonths: { value: 12, citation: POST_ACT, basis: 'configured', note: 'Annual reporting in Oakland\'s sections is applied to every jurisdiction here.' },
    reportSections: OAKLAND_REPORT_SECTIONS,
  },
]);

/** Jurisdictions a deployment adds as data (`configureJurisdictions`), beside the bundled ones. */
const configured = new Map<string, JurisdictionPreset>();

/** Every jurisdiction: the bundled presets, then those this deployment configured. */
export function allJurisdictions(): readonly JurisdictionPreset[] {
  return [...JURISDICTION_PRESETS, ...configured.values()];
}

/** The preset with this id, or undefined. */
export function jurisdictionPreset(id: string): JurisdictionPreset | undefined {
  return JURISDICTION_PRESETS.find((p) => p.id === id) ?? configured.get(id);
}

/** Whether a board id is a jurisdiction's board (grants may name it: `board:seattle`). */
export function isDocketBoard(id: string): boolean {
  return allJurisdictions().some((p) => p.board.id === id);
}

/**
 * Adds a deployment's own jurisdictions, as data in the presets' shape (countersign reads them
 * from the JSON file `COUNTERSIGN_JURISDICTIONS_FILE` names, at start): each is validated by the
 * schema, and one whose id or board is taken is refused, naming it. Dockets keep naming the
 * jurisdiction they were opened in: remove one only when it has none.
 *
 * @example
 * configureJurisdictions([{ id: 'berkeley', name: 'Berkeley', … }], 'jurisdictions.json');
 */
export function configureJurisdictions(input: unknown, what = 'jurisdictions'): readonly JurisdictionPreset[] {
  const presets = parseInput(z.array(jurisdictionPresetSchema).max(200), input, what);
  const taken = new Set(allJurisdictions().flatMap((p) => [`id ${p.id}`, `board ${p.board.id}`]));
  presets.forEach((p, i) => {
    for (const key of [`id ${p.id}`, `board ${p.board.id}`]) {
      if (taken.has(key)) throw new CommandError({ code: 'CONFLICT', message: `${what}: [${i}] ${key} is already a jurisdiction's`, issues: [{ path: `[${i}].${key.startsWith('id') ? 'id' : 'board.id'}`, message: 'already taken' }] });
      taken.add(key);
    }
  });
  for (const p of presets) configured.set(p.id, p);
  return presets;
}

/** The bundled jurisdictions' boards (`board:seattle`, `board:oakland`, `board:nyc`). */
export const DOCKET_BOARDS: readonly string[] = JURISDICTION_PRESETS.map((p) => p.board.id);
