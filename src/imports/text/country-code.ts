import { createRequire } from 'node:module';
// The library's index without its 80 name files; English names are registered below.
import i18nCountries from 'i18n-iso-countries/index.js';

const require = createRequire(import.meta.url);
const english: unknown = require('i18n-iso-countries/langs/en.json');
if (typeof english === 'object' && english !== null && 'locale' in english && 'countries' in english && typeof english.countries === 'object' && english.countries !== null) {
  // Each country's names: one string or several; anything else in the file is left out.
  const countries: Record<string, string | string[]> = {};
  for (const [code, names] of Object.entries(english.countries)) {
    if (typeof names === 'string') countries[code] = names;
    else if (Array.isArray(names)) countries[code] = names.filter((n): n is string => typeof n === 'string');
  }
  i18nCountries.registerLocale({ locale: String(english.locale), countries });
}

/**
 * The ISO 3166-1 alpha-2 code of a country named in English ("United States of America", "UAE",
 * "South Korea"), or null when the name is not one the CLDR-derived list knows — never a guess.
 *
 * @example
 * countryCode('United Kingdom'); // 'GB'
 * countryCode('Atlantis');       // null
 */
export function countryCode(name: string): string | null {
  const trimmed = name.trim();
  if (/^[A-Z]{2}$/.test(trimmed) && i18nCountries.isValid(trimmed)) return trimmed;
  const code = i18nCountries.getAlpha2Code(trimmed, 'en');
  return code && /^[A-Z]{2}$/.test(code) ? code : null;
}
