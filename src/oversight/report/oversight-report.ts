import {
  EXEMPTION_PURPOSE_LABELS, FACTOR_LABELS, REVIEW_STATUS_LABELS, isApprovalActive, useOpensOn, type AcquisitionReview,
} from '../reviews/acquisition-review.js';

/** A column of a report table: the key of each row's cell, and its heading. */
export interface ReportColumn {
  readonly key: string;
  readonly label: string;
  /** Where a cell's value (an id) is shown on the portal: the HTML links `linkTo + value`. */
  readonly linkTo?: string;
}

export type ReportCell = string | number | null;

/**
 * One part of the annual report: a titled table. Oversight's reviews make some; other parts of
 * oversight (authorised uses, audits) add theirs through the same shape — the HTML, JSON and PDF
 * renderers know nothing else.
 */
export interface ReportSection {
  readonly key: string;
  readonly title: string;
  readonly description: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly Readonly<Record<string, ReportCell>>[];
}

/** The annual report: its scope, headline figures and sections. */
export interface OversightReport {
  readonly year: number;
  /** The agency it covers, or null for every agency. */
  readonly agency: string | null;
  readonly generatedAt: string;
  readonly summary: Readonly<Record<string, number>>;
  /** Each headline figure's label (what readers see instead of its key). */
  readonly summaryLabels: Readonly<Record<string, string>>;
  readonly sections: readonly ReportSection[];
}

/** What the review sections need besides the reviews: names of records and contracts' values. */
export interface ReportLookups {
  readonly names: ReadonlyMap<string, string>;
  readonly contracts: ReadonlyMap<string, { readonly value: number | null; readonly currency: string | null }>;
}

const inYear = (date: string | null | undefined, year: number) => date !== null && date !== undefined && date.startsWith(String(year));
const DECISION_WORDS = { approve: 'Approved', 'approve-with-conditions': 'Approved with conditions', deny: 'Denied' } as const;

/**
 * The review sections of the annual report for `year`: approvals in force at the year's end with
 * their justification, approvals denied, suspended or under re-evaluation, and all purchases
 * (contracts under review, exempt purchases, waivers).
 */
export function reviewReportSections(reviews: readonly AcquisitionReview[], year: number, lookups: ReportLookups): { sections: ReportSection[]; summary: Record<string, number>; summaryLabels: Record<string, string> } {
  const name = (ref: string) => lookups.names.get(ref) ?? ref.slice(ref.indexOf(':') + 1);
  const yearEnd = `${year}-12-31`;
  const base = (r: AcquisitionReview) => ({ review: r.id, agency: name(`organization:${r.agency}`), product: name(`product:${r.product}`), vendor: name(`organization:${r.vendor}`) });
  const active = reviews.filter((r) => isApprovalActive(r) && r.determination !== null && r.determination.on <= yearEnd);
  const approvals: ReportSection = {
    key: 'approvals-in-force', title: 'Approvals in force', description: `Approvals of commercial spyware in force, determined by ${yearEnd}, with the certifying official's justification and the risks present when it was made.`,
    columns: [{ key: 'review', label: 'Review', linkTo: '/acquisition-reviews/' }, { key: 'agency', label: 'Agency' }, { key: 'product', label: 'Product' }, { key: 'vendor', label: 'Vendor' }, { key: 'decision', label: 'Decision' }, { key: 'determinedOn', label: 'Determined' }, { key: 'risks', label: 'Risks present' }, { key: 'justification', label: 'Justification' }, { key: 'conditions', label: 'Conditions' }, { key: 'useMayStartOn', label: 'Use may start' }],
    rows: active.map((r) => ({
      ...base(r), decision: DECISION_WORDS[r.determination?.decision ?? 'approve'], determinedOn: r.determination?.on ?? null, risks: (r.determination?.factorsPresent ?? []).map((k) => FACTOR_LABELS[k].split(' (')[0]).join('; ') || 'none',
      justification: r.determination?.justification ?? null, conditions: r.determination?.conditions ?? null, useMayStartOn: useOpensOn(r),
    })),
  };
  const ended: Record<string, ReportCell>[] = [];
  for (const r of reviews) {
    if (r.determination?.decision === 'deny' && inYear(r.determination.on, year)) ended.push({ ...base(r), what: 'Denied', on: r.determination.on, reason: r.determination.justification });
    for (const e of r.reEvaluations) if (inYear(e.at, year)) ended.push({ ...base(r), what: 'Re-evaluation required', on: e.at.slice(0, 10), reason: `${e.title} (${e.trigger})` });
    for (const o of r.stopWork) {
      if (inYear(o.orderedOn, year)) ended.push({ ...base(r), what: 'Stop-work order', on: o.orderedOn, reason: o.reason });
      if (inYear(o.liftedOn, year)) ended.push({ ...base(r), what: 'Stop-work order lifted', on: o.liftedOn, reason: o.liftReason });
    }
    for (const w of r.waivers) if (w.expired && inYear(w.expiresOn, year)) ended.push({ ...base(r), what: 'Waiver expired', on: w.expiresOn, reason: w.reason });
  }
  const terminated: ReportSection = {
    key: 'approvals-ended', title: 'Approvals denied, suspended or ended', description: `Denials, stop-work orders and their lifting, re-evaluations required by new registry records, and expired waivers in ${year}.`,
    columns: [{ key: 'review', label: 'Review', linkTo: '/acquisition-reviews/' }, { key: 'agency', label: 'Agency' }, { key: 'product', label: 'Product' }, { key: 'vendor', label: 'Vendor' }, { key: 'what', label: 'What' }, { key: 'on', label: 'On' }, { key: 'reason', label: 'Reason' }],
    rows: ended.sort((a, b) => String(a['on']).localeCompare(String(b['on']))),
  };
  const bought: Record<string, ReportCell>[] = [];
  for (const r of reviews) {
    if (r.contract && (inYear(r.openedOn, year) || inYear(r.requestedStart, year))) {
      const c = lookups.contracts.get(r.contract);
      bought.push({ ...base(r), kind: 'Contract under review', reference: r.contract, on: r.requestedStart, amount: c?.value ?? null, currency: c?.currency ?? null, status: REVIEW_STATUS_LABELS[r.status], notice: null });
    }
    for (const e of r.exemptions) {
      if (inYear(e.purchasedOn, year)) bought.push({ ...base(r), kind: `Exempt purchase (${EXEMPTION_PURPOSE_LABELS[e.purpose]})`, reference: e.description, on: e.purchasedOn, amount: null, currency: null, status: REVIEW_STATUS_LABELS[r.status], notice: e.notifiedOn ? `APNSA notified ${e.notifiedOn}` : `APNSA notice due ${e.noticeDueOn}` });
    }
    for (const w of r.waivers) {
      if (inYear(w.grantedAt, year)) bought.push({ ...base(r), kind: 'Waiver', reference: w.reason, on: w.grantedAt.slice(0, 10), amount: null, currency: null, status: `expires ${w.expiresOn}`, notice: w.presidentNotifiedAt ? `President notified ${w.presidentNotifiedAt.slice(0, 10)}` : `notice to the President due ${w.presidentNoticeDueAt}` });
    }
  }
  const purchases: ReportSection = {
    key: 'purchases', title: 'Purchases', description: `Contracts under acquisition review, exempt purchases and waivers in ${year}.`,
    columns: [{ key: 'review', label: 'Review', linkTo: '/acquisition-reviews/' }, { key: 'agency', label: 'Agency' }, { key: 'product', label: 'Product' }, { key: 'vendor', label: 'Vendor' }, { key: 'kind', label: 'Kind' }, { key: 'reference', label: 'Contract or description' }, { key: 'on', label: 'Date' }, { key: 'amount', label: 'Amount' }, { key: 'currency', label: 'Currency' }, { key: 'status', label: 'Status' }, { key: 'notice', label: 'Notice' }],
    rows: bought.sort((a, b) => String(a['on']).localeCompare(String(b['on']))),
  };
  const summary = {
    reviewsOpened: reviews.filter((r) => inYear(r.openedOn, year)).length,
    approvalsInForce: active.length,
    denied: reviews.filter((r) => r.determination?.decision === 'deny' && inYear(r.determination.on, year)).length,
    reEvaluationsRequired: reviews.reduce((n, r) => n + r.reEvaluations.filter((e) => inYear(e.at, year)).length, 0),
    stopWorkOrders: reviews.reduce((n, r) => n + r.stopWork.filter((o) => inYear(o.orderedOn, year)).length, 0),
    exemptPurchases: reviews.reduce((n, r) => n + r.exemptions.filter((e) => inYear(e.purchasedOn, year)).length, 0),
    waivers: reviews.reduce((n, r) => n + r.waivers.filter((w) => inYear(w.grantedAt, year)).length, 0),
  };
  return { sections: [approvals, terminated, purchases], summary, summaryLabels: { ...SUMMARY_LABELS } };
}

/** The review sections' headline figures in words. */
export const SUMMARY_LABELS: Readonly<Record<string, string>> = {
  reviewsOpened: 'Acquisition reviews opened', approvalsInForce: 'Approvals in force', denied: 'Denied', reEvaluationsRequired: 'Re-evaluations required',
  stopWorkOrders: 'Stop-work orders', exemptPurchases: 'Exempt purchases', waivers: 'Waivers',
};
