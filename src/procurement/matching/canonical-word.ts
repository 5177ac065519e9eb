import { BUSINESS_WORDS } from './business-words.js';

/**
 * Abbreviations and other-language equivalents of business words, as written in US federal
 * procurement and company registers ("INTL", "MFG", "SVCS", "HLDGS", "Gruppe", "Banco").
 */
const EQUIVALENTS: Readonly<Record<string, string>> = {
  intl: 'international', internacional: 'international', internationale: 'international',
  internazionale: 'international', natl: 'national', nacional: 'national', nationale: 'national',
  mfg: 'manufacturing', mgmt: 'management', mgt: 'management', svc: 'service', svcs: 'service',
  serv: 'service', hldg: 'holding', hldgs: 'holding', grp: 'group', gruppe: 'group', groupe: 'group',
  grupo: 'group', gruppo: 'group', assoc: 'associates', assocs: 'associates', assn: 'association',
  bros: 'brothers', dept: 'department', govt: 'government', univ: 'university', inst: 'institute',
  tech: 'technology', techs: 'technology', technologie: 'technology', tecnologia: 'technology',
  technologies: 'technology', sys: 'system', systeme: 'system', sistemas: 'system', eng: 'engineering',
  engr: 'engineering', engrg: 'engineering', dev: 'development', ind: 'industries', inds: 'industries',
  industrie: 'industries', industrias: 'industries', ctr: 'center', cntr: 'center', labs: 'laboratory',
  lab: 'laboratory', laboratories: 'laboratory', labo: 'laboratory', info: 'information', comm: 'communications',
  comms: 'communications', mktg: 'marketing', fdn: 'foundation', sci: 'science', med: 'medical',
  pharm: 'pharmaceutical', banco: 'bank', banca: 'bank', banque: 'bank', amer: 'american',
  servicios: 'service', servizi: 'service', solutions: 'solution', solucoes: 'solution',
  soluciones: 'solution',
};

// British → American spellings, as suffix rewrites (organisation/organization, labour/labor,
// centre/center, defence/defense), so either spelling of a name agrees.
const SPELLING_SUFFIXES: readonly (readonly [string, string])[] = [
  ['isation', 'ization'], ['isations', 'izations'], ['ised', 'ized'], ['yse', 'yze'], ['ogue', 'og'],
  ['ence', 'ense'], ['tre', 'ter'], ['tres', 'ters'], ['our', 'or'], ['ours', 'ors'], ['programme', 'program'],
];
// Only these "-ence" words are British spellings; "science", "conference" are not.
const ENCE_WORDS = new Set(['defence', 'offence', 'licence', 'pretence']);

/**
 * One spelling for words that registers write several ways: abbreviations and other-language forms
 * of business words, British spellings, and plurals of business words ("Holdings" = "Holding").
 *
 * @example
 * canonicalWord('intl');          // 'international'
 * canonicalWord('organisation');  // 'organization'
 * canonicalWord('holdings');      // 'holding'
 */
export function canonicalWord(token: string): string {
  const equivalent = EQUIVALENTS[token];
  if (equivalent !== undefined) return equivalent;
  const american = americanSpelling(token);
  return singularBusinessWord(american);
}

function americanSpelling(token: string): string {
  if (token.length < 5) return token;
  for (const [british, american] of SPELLING_SUFFIXES) {
    if (!token.endsWith(british)) continue;
    if (british === 'ence' && !ENCE_WORDS.has(token)) continue;
    return token.slice(0, token.length - british.length) + american;
  }
  return token;
}

function singularBusinessWord(token: string): string {
  if (token.length < 5 || !token.endsWith('s')) return token;
  if (token.endsWith('ies')) {
    const singular = token.slice(0, -3) + 'y';
    if (BUSINESS_WORDS.has(singular)) return singular;
  }
  const singular = token.slice(0, -1);
  return BUSINESS_WORDS.has(singular) ? singular : token;
}
