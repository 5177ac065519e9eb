import type { OversightStore } from '../oversight-store.js';
import { FACTOR_KINDS, type FactorKind, type RiskFactor } from './acquisition-review.js';

/** At most this many pre-filled references per factor (the review travels whole in each log entry). */
export const PREFILL_LIMIT = 100;

/** The organisations a review concerns: the vendor, its corporate family, and the product's own vendor's family. */
export async function relatedOrganizationsOf(store: OversightStore, vendor: string, productVendor: string | null): Promise<string[]> {
  const ids = new Set(await store.relatedOrganizations(vendor));
  if (productVendor !== null && !ids.has(productVendor)) for (const id of await store.relatedOrganizations(productVendor)) ids.add(id);
  return [...ids];
}

/**
 * The risk factors as the registry pre-fills them:
 * - improper use: every incident of the product, of any product of the vendor's corporate family,
 *   and of any organisation in that family (parent, subsidiaries, affiliates) — present if any;
 * - counterintelligence: designations of the family (a US listing in force marks it present);
 * - repression customers: the family's recorded customers (`supplier-to`), for the officer to
 *   weigh against the State Department's human-rights reports (unknown until answered);
 * - mitigating factors: nothing the registry can tell (unknown).
 */
export async function prefillFactors(store: OversightStore, product: string, organizations: readonly string[]): Promise<RiskFactor[]> {
  const products = [...new Set([product, ...(await store.productsOf(organizations))])];
  const incidents = (await store.incidentsTouching(products, organizations)).slice(0, PREFILL_LIMIT);
  const designations = (await store.designationsOf(organizations)).slice(0, PREFILL_LIMIT);
  const customers = (await store.customersOf(organizations)).slice(0, PREFILL_LIMIT);
  const factor = (kind: FactorKind, refs: string[], presence: RiskFactor['presence']): RiskFactor => ({ kind, presence, answer: null, evidence: refs, prefilled: refs, answeredBy: null, answeredAt: null });
  const byKind: Record<FactorKind, RiskFactor> = {
    'improper-use': factor('improper-use', incidents.map((i) => i.ref), incidents.length > 0 ? 'present' : 'unknown'),
    counterintelligence: factor('counterintelligence', designations.map((d) => d.ref), designations.some((d) => d.inForce && d.authority.startsWith('US-')) ? 'present' : 'unknown'),
    'repression-customers': factor('repression-customers', customers.map((c) => c.ref), 'unknown'),
    mitigating: factor('mitigating', [], 'unknown'),
  };
  return FACTOR_KINDS.map((k) => byKind[k]);
}
