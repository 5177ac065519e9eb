/**
 * Countries, regions, continents, US states and their demonyms, folded to one token each. Place
 * words in a company name are qualifiers ("Banco Santander México", "Deutsche Bank (Schweiz)"):
 * two different places never count as a typo of each other (Chile is not a misspelt China), and
 * spellings of the same place agree (U.S. = USA = United States; Schweiz = Switzerland).
 */

// Multi-word and other-language spellings → the one canonical token.
const ALIASES: Readonly<Record<string, string>> = {
  'united states of america': 'us', 'united states': 'us', 'usa': 'us', 'u s a': 'us', 'u s': 'us',
  'united kingdom': 'uk', 'great britain': 'uk', 'britain': 'uk', 'gb': 'uk', 'england': 'uk',
  'hong kong': 'hongkong', 'new zealand': 'newzealand', 'south africa': 'southafrica',
  'saudi arabia': 'saudiarabia', 'south korea': 'korea', 'republic of korea': 'korea',
  'north korea': 'northkorea', 'sri lanka': 'srilanka', 'costa rica': 'costarica',
  'puerto rico': 'puertorico', 'el salvador': 'elsalvador', 'united arab emirates': 'uae',
  'czech republic': 'czechia', 'dominican republic': 'dominicanrepublic', 'new york': 'newyork',
  'north macedonia': 'macedonia', 'british virgin islands': 'bvi', 'virgin islands': 'bvi',
  'cayman islands': 'cayman', 'isle of man': 'isleofman', 'middle east': 'middleeast',
  'latin america': 'latinamerica', 'north america': 'northamerica', 'south america': 'southamerica',
  'asia pacific': 'asiapacific', 'new jersey': 'newjersey', 'new mexico': 'newmexico',
  'north carolina': 'northcarolina', 'south carolina': 'southcarolina', 'west virginia': 'westvirginia',
  'rhode island': 'rhodeisland', 'district of columbia': 'dc', 'new hampshire': 'newhampshire',
  'north dakota': 'northdakota', 'south dakota': 'southdakota',
  schweiz: 'switzerland', suisse: 'switzerland', svizzera: 'switzerland', helvetia: 'switzerland',
  deutschland: 'germany', nederland: 'netherlands', holland: 'netherlands', espana: 'spain',
  italia: 'italy', norge: 'norway', sverige: 'sweden', danmark: 'denmark', suomi: 'finland',
  polska: 'poland', osterreich: 'austria', rossiya: 'russia', россия: 'russia', belgique: 'belgium',
  belgie: 'belgium', magyarorszag: 'hungary', hellas: 'greece', ellada: 'greece', turkiye: 'turkey',
  brasil: 'brazil', nippon: 'japan', nihon: 'japan', zhongguo: 'china', ukrayina: 'ukraine',
  mexique: 'mexico', allemagne: 'germany', espagne: 'spain', chine: 'china',
};

const PLACES = `
afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas
bahrain bangladesh barbados belarus belgium belize benin bermuda bhutan bolivia bosnia botswana
brazil brunei bulgaria burundi cambodia cameroon canada chad chile china colombia congo croatia cuba
cyprus czechia denmark djibouti ecuador egypt eritrea estonia eswatini ethiopia fiji finland france
gabon gambia georgia germany ghana gibraltar greece guatemala guinea guyana haiti honduras hungary
iceland india indonesia iran iraq ireland israel italy jamaica japan jersey jordan kazakhstan kenya
korea kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania
luxembourg macau macao macedonia madagascar malawi malaysia maldives mali malta mauritania
mauritius mexico moldova monaco mongolia montenegro morocco mozambique myanmar namibia nepal
netherlands nicaragua niger nigeria norway oman pakistan palestine panama paraguay peru philippines
poland portugal qatar romania russia rwanda senegal serbia seychelles singapore slovakia slovenia
somalia spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo
tunisia turkey turkmenistan uganda ukraine uruguay uzbekistan venezuela vietnam yemen zambia
zimbabwe us uk hongkong newzealand southafrica saudiarabia northkorea srilanka costarica
puertorico elsalvador uae dominicanrepublic bvi cayman isleofman
africa america americas antarctica arctic asia europe eurasia oceania middleeast latinamerica
northamerica southamerica asiapacific caribbean scandinavia nordic baltic balkans
american british chinese german french swiss russian japanese indian italian spanish mexican
canadian australian european asian african israeli greek irish dutch belgian austrian swedish
norwegian danish finnish polish hungarian czech turkish korean saudi emirati arabian arab
brazilian argentine chilean iranian iraqi egyptian nigerian kenyan pakistani ukrainian
alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho
illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
mississippi missouri montana nebraska nevada newhampshire newjersey newmexico newyork
northcarolina northdakota ohio oklahoma oregon pennsylvania rhodeisland southcarolina southdakota
tennessee texas utah vermont virginia washington westvirginia wisconsin wyoming dc
`;

const PLACE_SET: ReadonlySet<string> = new Set([...PLACES.split(/\s+/).filter((p) => p !== ''), ...Object.values(ALIASES)]);

/** Longest alias phrase, in tokens. */
const LONGEST_ALIAS = Math.max(...Object.keys(ALIASES).map((phrase) => phrase.split(' ').length));
/** Words that begin an alias phrase: only these need the phrase lookup. */
const ALIAS_STARTS: ReadonlySet<string> = new Set(Object.keys(ALIASES).map((phrase) => phrase.split(' ')[0] ?? ''));

/**
 * Joins multi-word place names and maps other spellings to one token, leaving other words alone.
 * Returns how many input tokens the place at `start` consumed (0 when none) and its canonical form.
 *
 * @example
 * readPlace(['bank', 'of', 'hong', 'kong'], 2); // { consumed: 2, place: 'hongkong' }
 */
export function readPlace(tokens: readonly string[], start: number): { consumed: number; place: string } {
  for (let length = ALIAS_STARTS.has(tokens[start] ?? '') ? Math.min(LONGEST_ALIAS, tokens.length - start) : 0; length >= 1; length--) {
    const phrase = tokens.slice(start, start + length).join(' ');
    const alias = ALIASES[phrase];
    if (alias !== undefined) return { consumed: length, place: alias };
  }
  const token = tokens[start];
  if (token !== undefined && PLACE_SET.has(token)) return { consumed: 1, place: token };
  return { consumed: 0, place: '' };
}

/**
 * Whether a (canonical) token names a country, region, continent, US state or nationality.
 *
 * @example
 * isPlaceName('mexico'); // true
 */
export function isPlaceName(token: string): boolean {
  return PLACE_SET.has(token);
}
