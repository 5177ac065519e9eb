import { z } from 'zod';
import { addCalendarDays } from '../../kernel/calendar/add-calendar-days.js';
import { parseIsoDate } from '../../kernel/calendar/iso-date.js';

/**
 * Where a review stands. `open`: under review; `stop-work`: a stop-work order is in force (the
 * state before it is kept in `stoppedFrom`, and resuming returns there); `approved` and
 * `approved-with-conditions`: an active approval; `denied`; `re-evaluation-required`: the
 * registry learnt something new about the product or vendor after the approval.
 */
export const REVIEW_STATUSES = ['open', 'stop-work', 'approved', 'approved-with-conditions', 'denied', 're-evaluation-required'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REVIEW_STATUS_LABELS: Readonly<Record<ReviewStatus, string>> = {
  open: 'Under review',
  'stop-work': 'Stop-work order in force',
  approved: 'Approved',
  'approved-with-conditions': 'Approved with conditions',
  denied: 'Denied',
  're-evaluation-required': 'Re-evaluation required',
};

/** The states in which the approval may be used (subject to the notice clock). */
export const ACTIVE_APPROVAL_STATUSES: readonly ReviewStatus[] = ['approved', 'approved-with-conditions'];

/** The risk factors of EO 14093 sec. 2, as the review records them. */
export const FACTOR_KINDS = ['counterintelligence', 'improper-use', 'repression-customers', 'mitigating'] as const;
export type FactorKind = (typeof FACTOR_KINDS)[number];

export const FACTOR_LABELS: Readonly<Record<FactorKind, string>> = {
  counterintelligence: 'Counterintelligence or security risk',
  'improper-use': 'Improper use (against activists, journalists, dissidents, political figures, NGOs …)',
  'repression-customers': 'Sales to governments engaged in systematic repression',
  mitigating: 'Mitigating factors',
};

/** What is known of a factor: `present`, `absent`, or not (yet) established. */
export const FACTOR_PRESENCE = ['present', 'absent', 'unknown'] as const;
export type FactorPresence = (typeof FACTOR_PRESENCE)[number];

/** A reference to a registry record used as evidence: `incident:graphite-italy-2025`, `source:wired-2024-10-review`. */
export const EVIDENCE_TYPES = ['incident', 'designation', 'relationship', 'organization', 'person', 'product', 'contract', 'source', 'policy'] as const;
export const evidenceRefSchema = z
  .string()
  .trim()
  .max(160)
  .regex(/^(incident|designation|relationship|organization|person|product|contract|source|policy):[A-Za-z0-9][A-Za-z0-9._-]{0,140}$/, 'must be a registry reference such as incident:graphite-italy-2025 or source:eo-14093');

const partialDate = z.string().regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'must be an ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD');
const isoDate = z.iso.date();
const text = z.string().max(10_000);
const ref = evidenceRefSchema;

export const riskFactorSchema = z.strictObject({
  kind: z.enum(FACTOR_KINDS),
  presence: z.enum(FACTOR_PRESENCE),
  answer: text.nullable(),
  /** Evidence as registry references. */
  evidence: z.array(ref).max(200),
  /** Which of the evidence the registry pre-filled when the review was opened (or re-evaluated). */
  prefilled: z.array(ref).max(200),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
});
export type RiskFactor = z.infer<typeof riskFactorSchema>;

/** The procurement and notice steps the EO requires, each recorded once with its date. */
export const STEP_KINDS = ['dni-assessment-reviewed', 'dni-information-requested', 'dni-information-answered', 'due-diligence', 'notice', 'consent'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const stepRecordSchema = z.strictObject({
  /** When it happened: a date, a reduced date where the record gives only a month, or an instant. */
  on: z.string().max(40),
  note: text.nullable(),
  evidence: z.array(ref).max(200),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type StepRecord = z.infer<typeof stepRecordSchema>;

export const DECISIONS = ['approve', 'approve-with-conditions', 'deny'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Readonly<Record<Decision, string>> = { approve: 'Approved', 'approve-with-conditions': 'Approved with conditions', deny: 'Denied' };

export const determinationSchema = z.strictObject({
  decision: z.enum(DECISIONS),
  justification: text.nullable(),
  conditions: text.nullable(),
  on: z.string(),
  by: z.string(),
  /** The factors present when it was made. */
  factorsPresent: z.array(z.enum(FACTOR_KINDS)),
  /** A part of the justification that is sealed (classified): the seal store's id; the log commits to its text. */
  sealedJustificationRef: z.string().nullable().optional(),
});
export type Determination = z.infer<typeof determinationSchema>;

export const stopWorkSchema = z.strictObject({
  orderedOn: partialDate,
  reason: text,
  evidence: z.array(ref).max(50),
  liftedOn: partialDate.nullable(),
  liftReason: text.nullable(),
  liftEvidence: z.array(ref).max(50),
});
export type StopWorkOrder = z.infer<typeof stopWorkSchema>;

export const EXEMPTION_PURPOSES = ['testing', 'research', 'cybersecurity', 'countermeasures', 'investigating-spyware'] as const;
export const EXEMPTION_PURPOSE_LABELS: Readonly<Record<(typeof EXEMPTION_PURPOSES)[number], string>> = {
  testing: 'Testing', research: 'Research', cybersecurity: 'Cybersecurity', countermeasures: 'Counterintelligence or security countermeasures', 'investigating-spyware': 'Investigating the spyware itself',
};
export const exemptionSchema = z.strictObject({
  id: z.string(),
  purpose: z.enum(EXEMPTION_PURPOSES),
  purchasedOn: isoDate,
  description: text,
  /** The notice to the APNSA is due 45 days after the purchase. */
  noticeDueOn: isoDate,
  notifiedOn: isoDate.nullable(),
});
export type Exemption = z.infer<typeof exemptionSchema>;

export const waiverSchema = z.strictObject({
  id: z.string(),
  grantedAt: z.string(),
  expiresOn: isoDate,
  reason: text,
  /** Notice to the President is due 72 hours after the waiver. */
  presidentNoticeDueAt: z.string(),
  presidentNotifiedAt: z.string().nullable(),
  expired: z.boolean(),
});
export type Waiver = z.infer<typeof waiverSchema>;

/** A registry record that made an approval need re-evaluation. */
export const reEvaluationSchema = z.strictObject({
  trigger: ref,
  title: z.string().max(1000),
  /** The state the review was in (an active approval). */
  from: z.enum(REVIEW_STATUSES),
  at: z.string(),
});
export type ReEvaluation = z.infer<typeof reEvaluationSchema>;

/**
 * An acquisition review as the public sees it — and as each of its log entries carries it, so a
 * replay of the log rebuilds it exactly.
 */
export const acquisitionReviewSchema = z.strictObject({
  id: z.string().min(1).max(100),
  agency: z.string(),
  product: z.string(),
  vendor: z.string(),
  contract: z.string().nullable(),
  purpose: text,
  uses: z.array(z.string().max(500)).max(50),
  requestedStart: partialDate,
  status: z.enum(REVIEW_STATUSES),
  openedOn: partialDate,
  openedAt: z.string(),
  openedBy: z.string(),
  stoppedFrom: z.enum(REVIEW_STATUSES).nullable(),
  factors: z.array(riskFactorSchema),
  steps: z.partialRecord(z.enum(STEP_KINDS), stepRecordSchema),
  determination: determinationSchema.nullable(),
  stopWork: z.array(stopWorkSchema).max(50),
  exemptions: z.array(exemptionSchema).max(100),
  waivers: z.array(waiverSchema).max(50),
  reEvaluations: z.array(reEvaluationSchema).max(200),
  /** For a review documented from the public record (the bundled dataset): its sources. Its missing steps are "not on the public record". */
  sources: z.array(z.string()).max(50),
  updatedAt: z.string(),
});
export type AcquisitionReview = z.infer<typeof acquisitionReviewSchema>;

/** Whether the review is an approval in force (approved, with or without conditions; not stopped, not under re-evaluation). */
export function isApprovalActive(review: Pick<AcquisitionReview, 'status'>): boolean {
  return ACTIVE_APPROVAL_STATUSES.includes(review.status);
}

/** The local date of a step's `on` (a date, or an instant's UTC date); null for a reduced date. */
function dateOf(on: string | undefined): string | null {
  if (on === undefined) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(on)) return on;
  if (/^\d{4}-\d{2}-\d{2}T/.test(on)) return on.slice(0, 10);
  return null;
}

/**
 * The date operational use may start (EO 14093 sec. 3(b)): seven calendar days after the notice
 * to the APNSA, or the day the APNSA consented if earlier; null while no notice (or consent) is
 * on the record.
 *
 * @example
 * useOpensOn(review); // '2026-03-09' for a notice of 2026-03-02
 */
export function useOpensOn(review: Pick<AcquisitionReview, 'steps'>): string | null {
  const notice = dateOf(review.steps.notice?.on);
  const consent = dateOf(review.steps.consent?.on);
  const afterNotice = notice === null ? null : addCalendarDays(parseIsoDate(notice), 7);
  if (afterNotice !== null && consent !== null) return consent < afterNotice ? consent : afterNotice;
  return afterNotice ?? consent;
}

/** The date the notice to the APNSA was given, or null. */
export function noticeGivenOn(review: Pick<AcquisitionReview, 'steps'>): string | null {
  return review.steps.notice?.on ?? null;
}

/** The factors an officer answered (or the registry pre-filled) as present. */
export function factorsPresent(review: Pick<AcquisitionReview, 'factors'>): FactorKind[] {
  return review.factors.filter((f) => f.presence === 'present' && f.kind !== 'mitigating').map((f) => f.kind);
}

/** Where one step the EO requires stands. */
export type EoStepState = 'done' | 'pending' | 'overdue' | 'not-on-public-record' | 'not-applicable';

export const EO_STEP_STATE_LABELS: Readonly<Record<EoStepState, string>> = {
  done: 'Done', pending: 'Pending', overdue: 'Overdue', 'not-on-public-record': 'Not on the public record', 'not-applicable': 'Not applicable',
};

export interface EoStep {
  readonly key: string;
  readonly label: string;
  readonly state: EoStepState;
  /** When it was done, or when it is/was due. */
  readonly date: string | null;
  readonly detail: string | null;
}

/**
 * Each step EO 14093 requires, and where it stands for this review on `today`. For a review
 * documented from the public record, a step that is not there is "not on the public record" —
 * what a disclosure request should ask for.
 */
export function eoSteps(review: AcquisitionReview, today: string): EoStep[] {
  const documented = review.sources.length > 0;
  const missing: EoStepState = documented ? 'not-on-public-record' : 'pending';
  const step = (key: string, label: string, done: string | null | undefined, detail: string | null = null, due: string | null = null): EoStep => {
    if (done) return { key, label, state: 'done', date: done, detail };
    if (due !== null && due < today) return { key, label, state: documented ? 'not-on-public-record' : 'overdue', date: due, detail };
    return { key, label, state: missing, date: due, detail };
  };
  const factorStep = (kind: FactorKind) => {
    const f = review.factors.find((x) => x.kind === kind);
    const answered = f && f.answeredAt !== null;
    return step(`factor-${kind}`, `Risk factor assessed: ${FACTOR_LABELS[kind]}`, answered ? f.answeredAt?.slice(0, 10) : null, f && f.evidence.length > 0 ? `${f.evidence.length} ${f.evidence.length === 1 ? 'item' : 'items'} of evidence${answered ? '' : ' pre-filled from the registry, not yet answered by the agency'}` : null);
  };
  const out: EoStep[] = [
    step('opened', 'Review opened', review.openedOn),
    ...FACTOR_KINDS.map(factorStep),
    step('dni-assessment-reviewed', "DNI's assessment reviewed", review.steps['dni-assessment-reviewed']?.on),
    step('dni-information-requested', 'More information requested from the DNI', review.steps['dni-information-requested']?.on),
    step('dni-information-answered', 'DNI answered', review.steps['dni-information-answered']?.on),
    step('due-diligence', "Vendor due diligence (State Department's business and human rights guidance)", review.steps['due-diligence']?.on),
    step('determination', 'Determination by a certifying official', review.determination?.on, review.determination ? `${DECISION_LABELS[review.determination.decision]}${review.determination.justification ? ` — ${review.determination.justification}` : ''}` : null),
    step('notice', 'Notice to the APNSA', review.steps.notice?.on),
    step('consent', 'APNSA consent (or 7 days after notice)', review.steps.consent?.on ?? (useOpensOn(review) !== null && useOpensOn(review)! <= today ? useOpensOn(review) : null)),
  ];
  for (const e of review.exemptions) out.push(step(`exemption-${e.id}`, `Notice to the APNSA of an exempt purchase (${EXEMPTION_PURPOSE_LABELS[e.purpose]}, ${e.purchasedOn})`, e.notifiedOn, null, e.noticeDueOn));
  for (const w of review.waivers) out.push(step(`waiver-${w.id}`, `Notice to the President of a waiver (expires ${w.expiresOn})`, w.presidentNotifiedAt?.slice(0, 10), null, w.presidentNoticeDueAt.slice(0, 10)));
  return out;
}
