import type { Store } from '../../src/store/store.js';
import { givenRecords, uniqueId } from './registry-factories.js';

/** A product, its vendor with a parent and a subsidiary, two Italian incidents, an agency. */
export async function givenGraphiteWorld(store: Store) {
  const s = uniqueId('src');
  const parent = uniqueId('parent');
  const vendor = uniqueId('vendor');
  const subsidiary = uniqueId('sub');
  const product = uniqueId('graphite');
  const agency = uniqueId('agency');
  const italy = uniqueId('graphite-italy');
  const viaSubsidiary = uniqueId('sub-incident');
  await givenRecords(store, {
    sources: [{ id: s, title: 'Report', publisher: 'Factory Press', date: '2025-03-19' }],
    organizations: [
      { id: parent, name: `Parent ${parent}`, kind: 'vendor', sources: [s] },
      { id: vendor, name: `Vendor ${vendor}`, kind: 'vendor', sources: [s] },
      { id: subsidiary, name: `Subsidiary ${subsidiary}`, kind: 'vendor', sources: [s] },
      { id: agency, name: `Agency ${agency}`, kind: 'government-agency', country: 'US', sources: [s] },
    ],
    relationships: [
      { from: vendor, type: 'subsidiary-of', to: parent, sources: [s] },
      { from: subsidiary, type: 'subsidiary-of', to: vendor, sources: [s] },
    ],
    products: [{ id: product, name: 'Graphite', vendor: parent, sources: [s] }],
    incidents: [
      { id: italy, title: 'Graphite used against Italian journalists', date: '2025', countries: ['IT'], targetCategories: ['journalist'], product, sources: [s] },
      { id: viaSubsidiary, title: 'Subsidiary tool used against activists', date: '2024', countries: ['IT'], vendor: subsidiary, sources: [s] },
    ],
  });
  return { source: s, parent, vendor, subsidiary, product, agency, italy, viaSubsidiary };
}


/** A vendor, its product Graphite and a US agency, each citing one source: what an acquisition review needs. */
export async function givenAgencyAndProduct(store: Store): Promise<{ source: string; vendor: string; product: string; agency: string }> {
  const [source, vendor, product, agency] = [uniqueId('src'), uniqueId('vendor'), uniqueId('graphite'), uniqueId('agency')];
  await givenRecords(store, {
    sources: [{ id: source, title: 'Report', publisher: 'Factory Press', date: '2025-03-19' }],
    organizations: [{ id: vendor, name: `Vendor ${vendor}`, kind: 'vendor', sources: [source] }, { id: agency, name: `Agency ${agency}`, kind: 'government-agency', country: 'US', sources: [source] }],
    products: [{ id: product, name: 'Graphite', vendor, sources: [source] }],
  });
  return { source, vendor, product, agency };
}
