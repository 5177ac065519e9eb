import type { JurisdictionId } from './jurisdictions.js';

/**
 * Where a request to an agency goes. Contact details are filled in only as a source in the
 * dataset states them; unknown stays unknown (null), and the letter says to whom, not where.
 */
export interface RecordsOffice {
  /** The registry organisation the office answers for. */
  readonly organizationId: string;
  readonly jurisdiction: JurisdictionId;
  /** How the letter addresses it. */
  readonly addressee: string;
  readonly postalAddress: string | null;
  readonly email: string | null;
  readonly portalUrl: string | null;
  /** The dataset source that gives the contact details (required when any is given). */
  readonly source: string | null;
}

/**
 * Offices known by organisation id. ICE and DHS are federal agencies subject to FOIA (5 U.S.C.
 * 551(1), 552(f)(1)); no source in the dataset gives their FOIA offices' addresses, so none is
 * stated here.
 */
export const RECORDS_OFFICES: readonly RecordsOffice[] = [
  { organizationId: 'ice', jurisdiction: 'us-federal', addressee: 'FOIA Office, U.S. Immigration and Customs Enforcement', postalAddress: null, email: null, portalUrl: null, source: null },
  { organizationId: 'dhs', jurisdiction: 'us-federal', addressee: 'FOIA Office, U.S. Department of Homeland Security', postalAddress: null, email: null, portalUrl: null, source: null },
  { organizationId: 'ice-hsi', jurisdiction: 'us-federal', addressee: 'FOIA Office, U.S. Immigration and Customs Enforcement (for Homeland Security Investigations)', postalAddress: null, email: null, portalUrl: null, source: null },
];

/** The office for an agency, or one addressed to the agency by name (no contact details) when none is known. */
export function recordsOfficeFor(organizationId: string, agencyName: string, jurisdiction: JurisdictionId): RecordsOffice {
  const known = RECORDS_OFFICES.find((o) => o.organizationId === organizationId && o.jurisdiction === jurisdiction);
  const addressee = jurisdiction === 'us-federal' ? `FOIA Office, ${agencyName}` : `Records Access Officer, ${agencyName}`;
  return known ?? { organizationId, jurisdiction, addressee, postalAddress: null, email: null, portalUrl: null, source: null };
}
