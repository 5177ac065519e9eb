import { foldText } from './fold-text.js';

/**
 * The languages the bundled dataset's records and sources are written in or name places in:
 * English (most sources), the languages of the vendors' and targets' countries that its names
 * use (Hebrew, Greek, Hungarian, Italian, Spanish, French, German, Norwegian, Arabic, Russian),
 * and Portuguese. Country names are searched in each of them.
 */
export const SEARCH_LANGUAGES = ['en', 'fr', 'es', 'de', 'it', 'pt', 'el', 'hu', 'he', 'nb', 'ar', 'ru'] as const;

/** ISO 3166-1 alpha-2 codes that Node's ICU data names (user-assigned codes left out). */
function regionCodes(): string[] {
  const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const codes: string[] = [];
  for (let a = 65; a <= 90; a += 1) {
    for (let b = 65; b <= 90; b += 1) {
      const code = String.fromCharCode(a, b);
      const name = english.of(code);
      if (name !== undefined && name !== code && name !== 'Unknown Region') codes.push(code);
    }
  }
  return codes;
}

/** Exact folded names → codes, and every start of four letters or more of a name → codes. */
let table: { readonly exact: ReadonlyMap<string, readonly string[]>; readonly prefixes: ReadonlyMap<string, readonly string[]> } | undefined;

/** Folded country names → codes, in every search language (built once, from CLDR via ICU). */
function countryTable(): NonNullable<typeof table> {
  if (table) return table;
  const names = new Map<string, string[]>();
  const codes = regionCodes();
  for (const language of SEARCH_LANGUAGES) {
    const display = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
    for (const code of codes) {
      const name = display.of(code);
      if (name === undefined) continue;
      const folded = foldText(name);
      if (folded === '') continue;
      const list = names.get(folded) ?? [];
      if (!list.includes(code)) list.push(code);
      names.set(folded, list);
    }
  }
  const prefixes = new Map<string, string[]>();
  for (const [name, codes] of names) {
    for (let end = 4; end <= name.length; end += 1) {
      const start = name.slice(0, end);
      const list = prefixes.get(start) ?? [];
      for (const c of codes) if (!list.includes(c)) list.push(c);
      prefixes.set(start, list);
    }
  }
  table = { exact: names, prefixes };
  return table;
}

/**
 * The countries a search names: the query is a country's name (or, from four letters on, the
 * start of one, as people type) in any search language. Codes are not guessed from two letters
 * ("it", "in" are words); they are filters.
 *
 * @example
 * countriesNamed('Italy');   // ['IT']
 * countriesNamed('Marokko'); // ['MA']
 * countriesNamed('Μαρόκο');  // ['MA']
 */
export function countriesNamed(folded: string): string[] {
  if (folded.length < 3) return [];
  const { exact, prefixes } = countryTable();
  const found = folded.length >= 4 ? prefixes.get(folded) : exact.get(folded);
  return found === undefined ? [] : [...found].sort();
}
