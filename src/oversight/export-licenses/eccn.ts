import { z } from 'zod';

/**
 * Export Control Classification Numbers of the Commerce Control List (15 CFR part 774,
 * Supplement No. 1): a category digit, a product-group letter, three digits, and optional
 * sub-paragraphs (`5A001.j`, `5A002.a.1`, `4E001.c`); `0Y521` series items; or `EAR99`, an item
 * subject to the EAR but on no list. The form is checked here; whether an item really falls under
 * the number is the licensing officer's judgement.
 */
const ECCN_PATTERN = /^(?:EAR99|[0-9][A-E][0-9]{3}(?:\.[a-z](?:\.[0-9]{1,2}(?:\.[a-z])?)?)?|0Y521)$/;

export const eccnSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/^(\d)([a-e])/, (_m, digit: string, group: string) => `${digit}${group.toUpperCase()}`))
  .pipe(z.string().regex(ECCN_PATTERN, 'must be an ECCN such as 5A001.j, 4A005, 4D004 or 5D001 (category digit, group letter A–E, three digits, optional sub-paragraphs), or EAR99'));

/** CCL categories (15 CFR part 774, Supplement No. 1). */
const CATEGORIES: Readonly<Record<string, string>> = {
  '0': 'Nuclear materials, facilities and equipment, and miscellaneous items',
  '1': 'Special materials and related equipment, chemicals, microorganisms and toxins',
  '2': 'Materials processing',
  '3': 'Electronics',
  '4': 'Computers',
  '5': 'Telecommunications and information security',
  '6': 'Sensors and lasers',
  '7': 'Navigation and avionics',
  '8': 'Marine',
  '9': 'Aerospace and propulsion',
};

/** CCL product groups. */
const GROUPS: Readonly<Record<string, string>> = {
  A: 'systems, equipment and components',
  B: 'test, inspection and production equipment',
  C: 'materials',
  D: 'software',
  E: 'technology',
};

/**
 * The entries oversight of surveillance exports meets most often: the intrusion-software controls
 * (4A005, 4D004, 4E001.c), the IP-network and mobile-telecommunications surveillance controls
 * (5A001.j, 5A001.f) and their software and technology, the interception-device control (5A980)
 * and information security (5A002, 5D002). Paraphrased from the CCL's headings.
 */
const KNOWN: Readonly<Record<string, string>> = {
  '4A005': 'Systems, equipment and components specially designed or modified for the generation, command and control, or delivery of intrusion software',
  '4D004': 'Software specially designed or modified for the generation, command and control, or delivery of intrusion software',
  '4E001.c': 'Technology for the development of intrusion software',
  '5A001.f': 'Mobile telecommunications interception or jamming equipment, and monitoring equipment therefor',
  '5A001.j': 'IP network communications surveillance systems or equipment, and specially designed components therefor',
  '5D001': 'Software for the development, production or use of Category 5 Part 1 telecommunications equipment',
  '5E001': 'Technology for the development, production or use of Category 5 Part 1 telecommunications equipment and software',
  '5A980': 'Devices primarily useful for the surreptitious interception of wire, oral or electronic communications',
  '5A002': 'Information security systems, equipment and components (encryption)',
  '5D002': 'Information security software (encryption)',
  EAR99: 'Subject to the EAR, but on no entry of the Commerce Control List',
  '0Y521': 'Items temporarily controlled under the 0Y521 series',
};

/** The entries shown first in forms. */
export const COMMON_ECCNS: readonly string[] = ['4A005', '4D004', '4E001.c', '5A001.f', '5A001.j', '5D001', '5E001', '5A980'];

/**
 * What an ECCN controls, in words: the known entry (or its parent paragraph), else its category
 * and product group.
 *
 * @example
 * eccnLabel('5A001.j'); // 'IP network communications surveillance systems or equipment, …'
 * eccnLabel('3A001'); // 'Electronics: systems, equipment and components'
 */
export function eccnLabel(eccn: string): string {
  const exact = KNOWN[eccn];
  if (exact) return exact;
  const base = eccn.split('.')[0] ?? eccn;
  const parent = KNOWN[base];
  if (parent) return parent;
  const category = CATEGORIES[base.slice(0, 1)];
  const group = GROUPS[base.slice(1, 2)];
  return category && group ? `${category}: ${group}` : eccn;
}

/** Whether the entry is one of the intrusion-software or surveillance controls. */
export function isSurveillanceEccn(eccn: string): boolean {
  const base = eccn.split('.')[0] ?? eccn;
  return ['4A005', '4D004', '5A980'].includes(base) || eccn === '4E001.c' || eccn.startsWith('5A001.j') || eccn.startsWith('5A001.f');
}
