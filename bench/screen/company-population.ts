import { CONTRACTOR_SURNAMES } from '../../src/procurement/testing/watchlist-factory.js';
import { SeededRandom } from './seeded-random.js';

/** One recipient as the generated file shows it. */
export interface Company {
  readonly name: string;
  readonly uei: string;
  readonly duns: string;
  readonly cage: string;
  readonly parentUei: string;
  readonly parentName: string;
  readonly dba: string;
}

const FIRST = ['ADVANCED', 'ALLIED', 'AMERICAN', 'APEX', 'ATLANTIC', 'BLUE', 'CAPITAL', 'CARDINAL', 'CENTRAL', 'COASTAL', 'CREATIVE', 'DELTA', 'DYNAMIC', 'EAGLE', 'EMPIRE', 'FEDERAL', 'FIRST', 'FRONTIER', 'GENERAL', 'GLOBAL', 'GOLDEN', 'GRANITE', 'HARBOR', 'HERITAGE', 'HIGHLAND', 'INTEGRATED', 'KEYSTONE', 'LIBERTY', 'LINCOLN', 'MERIDIAN', 'METRO', 'MIDWEST', 'NATIONAL', 'NORTHERN', 'OMEGA', 'PACIFIC', 'PATRIOT', 'PINNACLE', 'PIONEER', 'PRECISION', 'PREMIER', 'QUANTUM', 'RELIABLE', 'RIVERSIDE', 'SECURE', 'SIERRA', 'SOUTHERN', 'STRATEGIC', 'SUMMIT', 'TACTICAL', 'TRIAD', 'UNITED', 'VANGUARD', 'VERTEX', 'WESTERN'];
const SECOND = ['AEROSPACE', 'ANALYTICS', 'BUILDERS', 'COMMUNICATIONS', 'CONSTRUCTION', 'CONSULTING', 'DEFENSE', 'DIAGNOSTICS', 'ELECTRIC', 'ENGINEERING', 'ENTERPRISES', 'ENVIRONMENTAL', 'FORENSICS', 'HEALTH', 'INDUSTRIES', 'INFORMATION', 'LOGISTICS', 'MANAGEMENT', 'MANUFACTURING', 'MEDICAL', 'NETWORKS', 'OPTICS', 'RESEARCH', 'RESOURCES', 'SCIENCES', 'SECURITY', 'SERVICES', 'SOLUTIONS', 'SUPPLY', 'SYSTEMS', 'TECHNOLOGIES', 'TRAINING'];
const THIRD = ['', '', '', 'GROUP', 'PARTNERS', 'ASSOCIATES', 'INTERNATIONAL', 'OF VIRGINIA', 'USA', 'HOLDINGS'];
const FORM = ['INC.', 'INC', ', INC.', ', LLC', 'LLC', 'CORPORATION', 'CORP', 'CO.', 'L.L.C.', 'LTD', ', L.P.', 'COMPANY'];
const UEI_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

function uei(random: SeededRandom): string {
  let value = UEI_ALPHABET[random.int(UEI_ALPHABET.length - 10)] ?? 'A';
  for (let i = 1; i < 12; i++) value += UEI_ALPHABET[random.int(UEI_ALPHABET.length)] ?? '0';
  return value;
}

function digits(random: SeededRandom, count: number): string {
  let value = '';
  for (let i = 0; i < count; i++) value += String(random.int(10));
  return value;
}

/**
 * Tens of thousands of distinct companies with plausible names (three in ten after a common
 * surname) and identifiers; some are subsidiaries of others (parent UEI and name), as in real files.
 *
 * @example
 * const companies = companyPopulation(new SeededRandom(1), 40_000);
 */
export function companyPopulation(random: SeededRandom, count: number): Company[] {
  const companies: Company[] = [];
  const seen = new Set<string>();
  while (companies.length < count) {
    const third = random.pick(THIRD);
    const form = random.pick(FORM);
    // Three in ten are named after a surname, as many real contractors are ("MORGAN GROUP LLC").
    const first = random.chance(0.3) ? random.pick(CONTRACTOR_SURNAMES).toUpperCase() : random.pick(FIRST);
    const base = `${first} ${random.pick(SECOND)}${third === '' ? '' : ' ' + third}`;
    const name = form.startsWith(',') ? `${base}${form}` : `${base} ${form}`;
    if (seen.has(name)) continue;
    seen.add(name);
    const own = uei(random);
    const parent = companies.length > 100 && random.chance(0.2) ? random.pick(companies) : null;
    companies.push({
      name,
      uei: own,
      duns: random.chance(0.6) ? digits(random, 9) : '',
      cage: random.chance(0.7) ? digits(random, 1) + uei(random).slice(0, 4) : '',
      parentUei: parent === null ? own : parent.uei,
      parentName: parent === null ? name : parent.name,
      dba: random.chance(0.05) ? `${random.pick(FIRST)} ${random.pick(SECOND)}` : '',
    });
  }
  return companies;
}
