import type { ContractEvent } from './schemas/contract.js';
import type { RecordType } from './schemas/common.js';
import type { RecordRef } from './views.js';

/** A listing or delisting on the home page: when, which list, and who. */
export interface HomeDesignationEvent {
  readonly date: string;
  readonly kind: 'listed' | 'delisted';
  readonly authority: string;
  readonly list: string;
  readonly subject: RecordRef;
}

/** A documented incident as the home page lists it. */
export interface HomeIncident {
  readonly id: string;
  readonly title: string;
  /** Null where the sources give no date. */
  readonly date: string | null;
  readonly countries: readonly string[];
  readonly targetCategories: readonly string[];
}

/** A contract action as the home page lists it. */
export interface HomeContractEvent {
  readonly piid: string;
  readonly event: ContractEvent;
  /** Null where the sources give no date. */
  readonly date: string | null;
  readonly amount: number | null;
  readonly currency: string | null;
  readonly recipient: RecordRef | null;
}

/** A public procurement alert as the home page lists it. */
export interface HomeAlert {
  readonly piid: string;
  readonly actionDate: string;
  readonly event: ContractEvent;
  readonly amount: number;
  readonly organizationId: string;
  readonly organizationName: string;
  /** Whether the contract has a page of its own (is in the registry). */
  readonly contractRecorded: boolean;
}

/**
 * Everything the home page shows, one panel per field — each read with one query, and the whole
 * cached between changes (`HomePanelsCache`).
 *
 * @example
 * homePage(frame, await readHomePanels(db));
 */
export interface HomePanels {
  readonly counts: Readonly<Partial<Record<RecordType, number>>>;
  readonly designationEvents: readonly HomeDesignationEvent[];
  readonly incidents: readonly HomeIncident[];
  readonly contractEvents: readonly HomeContractEvent[];
  readonly alerts: readonly HomeAlert[];
  /** How many incidents targeted each country (the map). */
  readonly incidentCountries: readonly { readonly country: string; readonly count: number }[];
}
