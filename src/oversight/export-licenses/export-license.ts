import type { KernelTransaction } from '../../kernel/kernel-transaction.js';

/** Where a licence stands (its workflow's states). */
export const LICENSE_STATUSES = ['applied', 'refused', 'under-review', 'approved', 'denied', 'revocation-review', 'revoked'] as const;
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];

/** Licences in force: the ones an incident can send to revocation review. */
export const ACTIVE_STATUSES: readonly LicenseStatus[] = ['approved'];

/** A designation screening found on the exporter or end user, or on an organisation related to one of them. */
export interface DesignationHit {
  readonly designation: string;
  /** Which party of the application it concerns. */
  readonly party: 'exporter' | 'end-user';
  /** The listed organisation (the party itself, or a related organisation). */
  readonly subject: string;
  readonly subjectName: string;
  /** How the listed organisation is related to the party ("parent", "affiliate"); null: the party itself. */
  readonly via: string | null;
  readonly authority: string;
  readonly list: string;
  readonly listed: string;
  readonly reason: string | null;
  readonly sources: readonly string[];
}

/** What screening found when the application arrived. */
export interface Screening {
  readonly designations: readonly DesignationHit[];
  /** Ids of the destination risk-list entries for the destination. */
  readonly riskEntries: readonly string[];
}

/** An export-licence application and, once decided, the licence. */
export interface ExportLicense {
  readonly id: string;
  readonly exporter: string;
  readonly item: string;
  readonly eccn: string;
  readonly endUser: string;
  readonly endUse: string;
  /** ISO 3166-1 alpha-2. */
  readonly destination: string;
  /** The registry organisation of the licensing agency (BIS) whose licensing officers decide it. */
  readonly licensingAgency: string;
  readonly status: LicenseStatus;
  readonly appliedAt: string;
  readonly screening: Screening;
  /** The approval's or denial's reasons. */
  readonly decisionNote: string | null;
  readonly decidedAt: string | null;
  readonly revocationReasons: string | null;
  readonly revokedAt: string | null;
  readonly updatedAt: string;
}

export const PROVISO_KINDS = ['due-diligence-report', 'legitimate-use-limit', 'clawback', 'notify-misuse', 'other'] as const;
export type ProvisoKind = (typeof PROVISO_KINDS)[number];

/** A condition of an approved licence, with its due date (a kernel deadline) and evidence. */
export interface Proviso {
  readonly id: string;
  readonly licenseId: string;
  readonly position: number;
  readonly kind: ProvisoKind;
  readonly text: string;
  /** When evidence is due (ISO date); null for a standing duty (notify misuse). */
  readonly dueDate: string | null;
  readonly status: 'open' | 'met';
  /** When the tick found it past due without evidence (public flag). */
  readonly overdueAt: string | null;
  readonly metAt: string | null;
}

/** Evidence filed against a proviso: a due-diligence report, a notification. */
export interface ProvisoEvidence {
  readonly id: string;
  readonly licenseId: string;
  readonly provisoId: string;
  readonly summary: string;
  readonly url: string | null;
  readonly submittedAt: string;
  readonly submittedBy: string;
}

/** One recorded step of a licence's history, with its reasons and any incident it concerns. */
export interface LicenseStep {
  readonly licenseId: string;
  readonly position: number;
  readonly step: string;
  readonly at: string;
  readonly actor: string;
  readonly note: string | null;
  readonly incidentId: string | null;
}

/** An entry of the destination risk list: a country and what the cited sources state about it. */
export interface RiskListEntry {
  readonly id: string;
  readonly country: string;
  readonly reason: string;
  readonly sources: readonly string[];
  /** Registry incidents the entry rests on, where the sources are an incident's. */
  readonly incidents: readonly string[];
  readonly addedAt: string | null;
  readonly addedBy: string | null;
}

/** A registry organisation as screening sees it. */
export interface PartyOrganization {
  readonly id: string;
  readonly name: string;
  readonly country: string | null;
}

/** An organisation related to another (parent, subsidiary, affiliate), as the registry's corporate family has it. */
export interface RelatedOrganization {
  readonly id: string;
  readonly name: string;
  readonly relation: string;
}

/** A designation in force, as screening reads it. */
export interface ActiveDesignation {
  readonly id: string;
  readonly subject: string;
  readonly authority: string;
  readonly list: string;
  readonly listed: string;
  readonly reason: string | null;
  readonly sources: readonly string[];
}

/** What export-licence review needs of storage: its own rows, and a few reads of the registry. */
export interface ExportLicenseStore {
  license(id: string): Promise<ExportLicense | null>;
  insertLicense(license: ExportLicense): Promise<void>;
  /** Sets the fields a step changes (and, in a replay, the status). */
  updateLicense(id: string, patch: Partial<Pick<ExportLicense, 'status' | 'decisionNote' | 'decidedAt' | 'revocationReasons' | 'revokedAt'>> & { updatedAt: string }): Promise<void>;
  provisos(licenseId: string): Promise<Proviso[]>;
  insertProviso(proviso: Proviso): Promise<void>;
  markProvisoOverdue(licenseId: string, provisoId: string, at: string): Promise<void>;
  markProvisoMet(licenseId: string, provisoId: string, at: string): Promise<void>;
  insertEvidence(evidence: ProvisoEvidence): Promise<void>;
  /** Appends a step to the licence's history (its position is the next one). */
  addStep(step: Omit<LicenseStep, 'position'>): Promise<void>;
  steps(licenseId: string): Promise<LicenseStep[]>;
  /** Whether any licence is in one of these states (subscribers skip the registry walk when none is). */
  anyInStatus(statuses: readonly LicenseStatus[]): Promise<boolean>;
  linkIncident(licenseId: string, incidentId: string, at: string): Promise<void>;
  linkedIncidents(licenseId: string): Promise<string[]>;
  /** Licences in these states whose end user (or exporter) is one of these organisations or whose destination is one of these countries. */
  licensesConcerning(filter: { endUsers: readonly string[]; exporters?: readonly string[]; countries: readonly string[]; statuses: readonly LicenseStatus[] }): Promise<ExportLicense[]>;
  /** Risk-list entries added through the API (the seed list is data in the code). */
  addedRiskEntries(country?: string): Promise<RiskListEntry[]>;
  insertRiskEntry(entry: RiskListEntry): Promise<void>;
  // Reads of the registry.
  organization(id: string): Promise<PartyOrganization | null>;
  relatedOrganizations(id: string): Promise<RelatedOrganization[]>;
  /** Designations of these subjects not delisted on `date` (ISO). */
  activeDesignations(subjects: readonly string[], date: string): Promise<ActiveDesignation[]>;
  sourceExists(id: string): Promise<boolean>;
  incidentExists(id: string): Promise<boolean>;
}

/** The slice of a store transaction export-licence review writes through. */
export interface ExportLicensesTransaction extends KernelTransaction {
  readonly exportLicenses: ExportLicenseStore;
}
