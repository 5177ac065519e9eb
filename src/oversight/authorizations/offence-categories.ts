import { z } from 'zod';

/** One serious-crime category an authorisation may be granted for, with the statute that lists it. */
export interface OffenceCategory {
  readonly id: string;
  readonly label: string;
  readonly statute: string;
}

export const offenceCategorySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'lowercase words joined by hyphens'),
  label: z.string().trim().min(1).max(200),
  statute: z.string().trim().min(1).max(300),
});

const s2516 = (paragraph: string, what: string) => `18 U.S.C. § 2516(1)(${paragraph}) — ${what}`;

/**
 * The US preset: the predicate offences of 18 U.S.C. § 2516(1), the only offences for which a
 * federal court may authorise the interception of wire, oral or electronic communications
 * (Title III). Grouped by the statute's own subparagraphs; where a subparagraph lists many
 * sections, the categories name the families it lists (murder, kidnapping, robbery and extortion
 * are § 2516(1)(b); drug offences § 2516(1)(e); terrorism § 2516(1)(q)). The list is data: an
 * operator configures another (a state's wiretap statute) without touching code.
 */
export const US_2516_OFFENCE_CATEGORIES: readonly OffenceCategory[] = [
  { id: 'atomic-energy', label: 'Atomic energy offences and sabotage of nuclear facilities', statute: s2516('a', '42 U.S.C. §§ 2122, 2274–2277, 2284') },
  { id: 'biological-weapons', label: 'Biological weapons', statute: s2516('a', 'chapter 10 of title 18') },
  { id: 'espionage', label: 'Espionage', statute: s2516('a', 'chapter 37 of title 18') },
  { id: 'kidnapping', label: 'Kidnapping', statute: s2516('a', 'chapter 55 of title 18; § 2516(1)(b)') },
  { id: 'trade-secrets', label: 'Theft of trade secrets', statute: s2516('a', 'chapter 90 of title 18') },
  { id: 'sabotage', label: 'Sabotage', statute: s2516('a', 'chapter 105 of title 18') },
  { id: 'treason', label: 'Treason', statute: s2516('a', 'chapter 115 of title 18') },
  { id: 'riots', label: 'Riots', statute: s2516('a', 'chapter 102 of title 18') },
  { id: 'malicious-mischief', label: 'Malicious mischief', statute: s2516('a', 'chapter 65 of title 18') },
  { id: 'destruction-of-vessels', label: 'Destruction of vessels', statute: s2516('a', 'chapter 111 of title 18') },
  { id: 'piracy', label: 'Piracy', statute: s2516('a', 'chapter 81 of title 18') },
  { id: 'labor-racketeering', label: 'Payments and loans to labor organizations', statute: s2516('b', '29 U.S.C. §§ 186, 501(c)') },
  { id: 'murder', label: 'Murder', statute: s2516('b', 'offences involving murder') },
  { id: 'robbery', label: 'Robbery', statute: s2516('b', 'offences involving robbery') },
  { id: 'extortion', label: 'Extortion', statute: s2516('b', 'offences involving extortion') },
  { id: 'bribery', label: 'Bribery (public officials, bank officials, sporting contests)', statute: s2516('c', '18 U.S.C. §§ 201, 215, 224') },
  { id: 'obstruction-of-justice', label: 'Obstruction of justice, witness tampering and retaliation', statute: s2516('c', '18 U.S.C. §§ 1503, 1510, 1511, 1512, 1513') },
  { id: 'racketeering', label: 'Racketeering, violent crimes in aid of racketeering, interference with commerce by threats or violence', statute: s2516('c', '18 U.S.C. §§ 1951, 1952, 1958, 1959, 1963') },
  { id: 'gambling', label: 'Illegal gambling businesses and wagering information', statute: s2516('c', '18 U.S.C. §§ 1084, 1955') },
  { id: 'money-laundering', label: 'Money laundering', statute: s2516('c', '18 U.S.C. §§ 1956, 1957') },
  { id: 'fraud', label: 'Mail, wire and bank fraud', statute: s2516('c', '18 U.S.C. §§ 1341, 1343, 1344') },
  { id: 'computer-fraud', label: 'Computer fraud and abuse (felony)', statute: s2516('c', '18 U.S.C. § 1030') },
  { id: 'child-exploitation', label: 'Sexual exploitation of children and child sex trafficking', statute: s2516('c', '18 U.S.C. §§ 1591, 2251, 2251A, 2252, 2252A, 2260, 2421–2423, 2425') },
  { id: 'assassination', label: 'Assassination, kidnapping or assault of the President, Members of Congress and officials', statute: s2516('c', '18 U.S.C. §§ 351, 1751, 115') },
  { id: 'hostage-taking', label: 'Hostage taking', statute: s2516('c', '18 U.S.C. § 1203') },
  { id: 'explosives', label: 'Unlawful use of explosives', statute: s2516('c', '18 U.S.C. § 844(d)–(i)') },
  { id: 'stolen-property', label: 'Interstate transportation of stolen property and vehicles', statute: s2516('c', '18 U.S.C. §§ 2312–2315, 659') },
  { id: 'counterfeiting', label: 'Counterfeiting', statute: s2516('d', '18 U.S.C. §§ 471, 472, 473') },
  { id: 'drug-offences', label: 'Drug offences (narcotic drugs, marihuana, other dangerous drugs) and bankruptcy fraud', statute: s2516('e', 'offences punishable under any law of the United States') },
  { id: 'extortionate-credit', label: 'Extortionate credit transactions', statute: s2516('f', '18 U.S.C. §§ 892, 893, 894') },
  { id: 'currency-reporting', label: 'Currency transaction reporting offences', statute: s2516('g', '31 U.S.C. §§ 5322, 5324') },
  { id: 'illegal-interception', label: 'Illegal interception and interception devices (felony)', statute: s2516('h', '18 U.S.C. §§ 2511, 2512') },
  { id: 'obscenity', label: 'Obscenity (felony)', statute: s2516('i', 'chapter 71 of title 18') },
  { id: 'aircraft-and-pipelines', label: 'Aircraft piracy, weapons on aircraft, destruction of a natural gas pipeline', statute: s2516('j', '49 U.S.C. §§ 60123(b), 46502, 46504, 46505') },
  { id: 'arms-export', label: 'Arms Export Control Act violations', statute: s2516('k', '22 U.S.C. § 2778') },
  { id: 'fugitive-location', label: 'Locating a fugitive from justice for an offence listed in § 2516', statute: s2516('l', 'fugitives from justice') },
  { id: 'alien-smuggling', label: 'Smuggling of aliens', statute: s2516('m', 'Immigration and Nationality Act §§ 274, 277, 278') },
  { id: 'firearms', label: 'Firearms offences (felony)', statute: s2516('n', '18 U.S.C. §§ 922, 924; § 2516(1)(o): 26 U.S.C. § 5861') },
  { id: 'false-identification', label: 'False identification documents, passport and visa fraud', statute: s2516('p', '18 U.S.C. §§ 1028, 1542, 1546') },
  { id: 'terrorism', label: 'Terrorism and chemical weapons', statute: s2516('q', '18 U.S.C. §§ 229, 2332, 2332a, 2332b, 2332d, 2332f, 2332g, 2332h, 2339, 2339A–2339D') },
  { id: 'antitrust', label: 'Restraints of trade and monopolisation (Sherman Act)', statute: s2516('r', '15 U.S.C. §§ 1, 2, 3') },
  { id: 'medical-product-theft', label: 'Theft of medical products', statute: s2516('s', '18 U.S.C. § 670') },
  { id: 'export-control', label: 'Export Control Reform Act of 2018 violations', statute: s2516('t', '50 U.S.C. ch. 58') },
  { id: 'conspiracy', label: 'Conspiracy to commit any offence listed in § 2516(1)', statute: s2516('u', 'conspiracy') },
];

/**
 * Reads a configured list (an operator's JSON file): every entry valid, ids unique.
 *
 * @example
 * const categories = parseOffenceCategories(JSON.parse(readFileSync(path, 'utf8')));
 */
export function parseOffenceCategories(raw: unknown): readonly OffenceCategory[] {
  const list = z.array(offenceCategorySchema).min(1, 'at least one category').parse(raw);
  const seen = new Set<string>();
  for (const category of list) {
    if (seen.has(category.id)) throw new Error(`offence category "${category.id}" is listed twice`);
    seen.add(category.id);
  }
  return list;
}

/** The category with this id in a configured list, or undefined. */
export function findOffenceCategory(categories: readonly OffenceCategory[], id: string): OffenceCategory | undefined {
  return categories.find((c) => c.id === id);
}
