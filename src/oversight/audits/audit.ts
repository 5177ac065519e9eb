import { createHash } from 'node:crypto';
import type { FindingKind } from '../uses/use.js';
import type { WiretapStatistics } from './wiretap-statistics.js';

/** The span an audit covers, and the instant it judges "overdue" against. */
export interface AuditPeriod {
  readonly agency: string;
  /** ISO dates, inclusive. */
  readonly periodStart: string;
  readonly periodEnd: string;
  /** When the audit ran: a deletion or notice due before this day and not done is overdue. */
  readonly asOf: string;
}

/** A post-use audit of one agency over one period. */
export interface Audit extends AuditPeriod {
  readonly id: string;
  /** `run` (findings recorded), then `signed-off` (statistics published). */
  readonly status: string;
  readonly runBy: string;
  readonly findingsCount: number;
  /** SHA-256 over the findings in order, so a replay proves it found the same. */
  readonly findingsDigest: string;
  readonly findingsByKind: Readonly<Partial<Record<FindingKind, number>>>;
  readonly signedOffAt: string | null;
  readonly signedOffBy: string | null;
  readonly note: string | null;
  readonly statistics: WiretapStatistics | null;
}

/** What the statistics need of one authorisation: nothing sealed. */
export interface AuthorizationSummary {
  readonly jurisdiction: string;
  readonly offenceCategory: string;
  readonly validFrom: string;
  readonly originalValidTo: string;
  readonly validTo: string;
  readonly extensions: number;
  readonly noticeDueOn: string;
  readonly noticeGivenAt: string | null;
  readonly noticeExtensions: number;
}

/**
 * Folds findings into a count per kind and a digest: SHA-256 over the sorted SHA-256 of each
 * finding's `kind \n subject \n detail`. Independent of the order the checks stream them (which
 * differs between databases' collations), so a replay of the log — which re-runs the checks over
 * the rebuilt tables — must arrive at the same digest.
 */
export class FindingsDigest {
  readonly #hashes: string[] = [];
  readonly byKind: Partial<Record<FindingKind, number>> = {};
  count = 0;

  add(finding: { kind: FindingKind; subject: string; detail: string }): void {
    this.#hashes.push(createHash('sha256').update(`${finding.kind}\n${finding.subject}\n${finding.detail}`).digest('hex'));
    this.byKind[finding.kind] = (this.byKind[finding.kind] ?? 0) + 1;
    this.count += 1;
  }

  digest(): string {
    const hash = createHash('sha256');
    for (const h of this.#hashes.sort()) hash.update(h);
    return hash.digest('hex');
  }
}
