/**
 * The legal forms the matcher recognises, in the token spelling the tokeniser produces (folded to
 * Latin, lower case, dots of initialisms joined: "S.A. de C.V." → "sa de cv", "Sp. z o.o." →
 * "sp z oo", "ООО" → "ooo"). Sources: ISO 20275 (GLEIF Entity Legal Forms code list) for the
 * names and abbreviations, grouped here by what they say about the entity.
 *
 * Forms of one class are interchangeable spellings across languages and jurisdictions (OAO and
 * JSC; GmbH, SARL and OOO); forms of different classes (AG and GmbH, Inc and LP) describe different
 * legal entities. The common-law endings (Inc, Corp, Ltd, Limited) are one class, `company`, that
 * agrees with both stock and limited companies: Canadian law, for one, lets a company choose any of
 * them, and registers translate OOO as "Ltd" as often as "LLC". `generic` forms (Company, Co., Cie)
 * say nothing and agree with every class.
 */

/** What a legal form says about the entity. */
export type LegalFormClass = 'company' | 'stock' | 'limited' | 'partnership' | 'nonprofit' | 'cooperative' | 'state' | 'generic';

/** One legal form: a short code for reasons, its class, and every spelling (tokens joined by a space). */
export interface LegalFormDefinition {
  readonly code: string;
  readonly formClass: LegalFormClass;
  readonly spellings: readonly string[];
  /**
   * Whether its short abbreviations are also written before the name, as in Russian, Ukrainian,
   * Romanian and Indonesian registers ("OOO Baykal", "SRL Pro Traffic", "PT Astra"). Other short
   * abbreviations are only read at the end, so "AE Industrial Partners" keeps its "AE".
   */
  readonly leading: boolean;
}

function form(code: string, formClass: LegalFormClass, spellings: string, leading = false): LegalFormDefinition {
  return { code, formClass, spellings: spellings.split('|').map((spelling) => spelling.trim()), leading };
}

/**
 * The table. Spellings of three letters or fewer are only recognised at the start or end of a
 * name (see extract-legal-forms.ts), so "AS", "AD" or "CO" inside a name stay name words.
 *
 * @example
 * LEGAL_FORMS.find((f) => f.spellings.includes('aktiengesellschaft'))?.code; // 'ag'
 */
export const LEGAL_FORMS: readonly LegalFormDefinition[] = [
  // Common-law companies.
  form('inc', 'company', 'inc | incorporated | incorp | incorporation'),
  form('corp', 'company', 'corp | corporation | corpn | corporacion | corporacao | korporatsiya'),
  form('ltd', 'company', 'ltd | limited | limitee | ltee | lc | ltd sti | limited sirketi'),
  form('pte ltd', 'company', 'pte ltd | pte limited | pte | private limited | private limited company | pvt ltd | pvt | pty ltd | pty limited | pty | proprietary limited'),
  form('bhd', 'company', 'bhd | berhad | sdn bhd | sendirian berhad'),
  form('pc', 'company', 'pc | professional corporation'),

  // Companies limited by shares / stock corporations.
  form('plc', 'stock', 'plc | public limited company | public company limited | pcl | public ltd co'),
  form('ag', 'stock', 'ag | aktiengesellschaft | kgaa | kommanditgesellschaft auf aktien'),
  form('sa', 'stock', 'sa | societe anonyme | sociedad anonima | sociedade anonima | societa anonima | spolka akcyjna | saa | sae | sab'),
  form('sa de cv', 'stock', 'sa de cv | sab de cv | sapi de cv | sociedad anonima de capital variable'),
  form('sas', 'stock', 'sas | sasu | societe par actions simplifiee | societe par actions simplifiee unipersonnelle'),
  form('spa', 'stock', 'spa | societa per azioni | sapa'),
  form('nv', 'stock', 'nv | naamloze vennootschap'),
  form('se', 'stock', 'se | societas europaea | europaische gesellschaft'),
  form('ab', 'stock', 'ab | aktiebolag | ab publ | akcine bendrove'),
  form('as', 'stock', 'a s | as | asa | aktieselskab | aksjeselskap | allmennaksjeselskap | aktsiaselts | akciova spolecnost | akciova spolocnost | anonim sirketi'),
  form('oyj', 'stock', 'oyj | julkinen osakeyhtio'),
  form('kk', 'stock', 'kk | kabushiki kaisha | kabushiki gaisha | kabushikigaisha'),
  form('tbk', 'stock', 'tbk | pt tbk | terbuka', true),
  form('jsc', 'stock', 'jsc | joint stock company | joint stock co | jt stock co | ojsc | open joint stock company | cjsc | closed joint stock company | pjsc | public joint stock company | oao | zao | pao | ao | nao | aktsionernoe obshchestvo | otkrytoe aktsionernoe obshchestvo | zakrytoe aktsionernoe obshchestvo | publichnoe aktsionernoe obshchestvo | nepublichnoe aktsionernoe obshchestvo | pat | prat | publichne aktsionerne tovarystvo | pryvatne aktsionerne tovarystvo', true),
  form('ad', 'stock', 'ad | ead | akcionersko drustvo | aktsionerno druzhestvo | dd | dionicko drustvo'),
  form('zrt', 'stock', 'zrt | crt | nyrt | rt | reszvenytarsasag | zartkoruen mukodo reszvenytarsasag | nyilvanosan mukodo reszvenytarsasag'),
  form('ae', 'stock', 'ae | anonymi etaireia | anonymos etaireia'),
  form('gufen youxian gongsi', 'stock', 'gufen youxian gongsi'),

  // Private companies with limited liability.
  form('llc', 'limited', 'llc | limited liability company | limited liability co | pllc | professional limited liability company', true),
  form('gmbh', 'limited', 'gmbh | gesmbh | gesellschaft mit beschrankter haftung | ges m b h'),
  form('sarl', 'limited', 'sarl | eurl | sprl | societe a responsabilite limitee | societe privee a responsabilite limitee | sagl'),
  form('srl', 'limited', 'srl | societa a responsabilita limitata | societatea cu raspundere limitata | sociedad de responsabilidad limitada | s de rl | s de rl de cv | scarl', true),
  form('sl', 'limited', 'sl | slu | sociedad limitada | ltda | limitada | lda | sociedade limitada'),
  form('bv', 'limited', 'bv | bvba | besloten vennootschap | besloten vennootschap met beperkte aansprakelijkheid'),
  form('aps', 'limited', 'aps | anpartsselskab | ivs'),
  form('oy', 'limited', 'oy | osakeyhtio'),
  form('gk', 'limited', 'gk | godo kaisha | yk | yugen kaisha'),
  form('pt', 'limited', 'pt | perseroan terbatas', true),
  form('ooo', 'limited', 'ooo | obshchestvo s ogranichennoy otvetstvennostyu | obshchestvo s ogranichennoi otvetstvennostiu | tov | tovarystvo z obmezhenoyu vidpovidalnistyu | too', true),
  form('doo', 'limited', 'doo | d o o | dooel | d o o e l | drushtvo so ogranicheno odgovornost | drustvo s ogranicenom odgovornoscu | eood | ood', true),
  form('sro', 'limited', 'sro | s r o | spolecnost s rucenim omezenym | spolocnost s rucenim obmedzenym'),
  form('kft', 'limited', 'kft | korlatolt felelossegu tarsasag'),
  form('sp z oo', 'limited', 'sp z oo | sp zoo | spolka z ograniczona odpowiedzialnoscia'),
  form('epe', 'limited', 'epe | ike | etaireia periorismenis efthynis | idiotiki kefalaiouchiki etaireia'),
  form('youxian gongsi', 'limited', 'youxian gongsi | youxian zeren gongsi'),

  // Partnerships.
  form('lp', 'partnership', 'lp | limited partnership | lllp'),
  form('llp', 'partnership', 'llp | limited liability partnership'),
  form('gp', 'partnership', 'general partnership'),
  form('kg', 'partnership', 'kg | kommanditgesellschaft | gmbh and co kg | ag and co kg | gmbh and co'),
  form('ohg', 'partnership', 'ohg | offene handelsgesellschaft | gbr | gesellschaft burgerlichen rechts'),
  form('snc', 'partnership', 'snc | scs | societe en nom collectif | societe en commandite simple'),

  // Non-profit, co-operative and state forms.
  form('ano', 'nonprofit', 'ano | avtonomnaya nekommercheskaya organizatsiya | nko | nekommercheskaya organizatsiya', true),
  form('ev', 'nonprofit', 'ev | e v | eingetragener verein'),
  form('coop', 'cooperative', 'coop | co op | cooperative | cooperativa | cooperatieve | eg | eingetragene genossenschaft'),
  form('gup', 'state', 'gup | fgup | mup | gosudarstvennoe unitarnoe predpriyatie | federalnoe gosudarstvennoe unitarnoe predpriyatie | munitsipalnoe unitarnoe predpriyatie', true),

  // Say nothing about the entity.
  form('co', 'generic', 'co | company | cie | compagnie | compania | companhia | compagnia | kompaniya | na | national association'),
];

/**
 * Whether two legal forms can describe the same entity: same class, either says nothing, or a
 * common-law ending against a stock or limited company.
 *
 * @example
 * legalFormClassesAgree('stock', 'limited');   // false: AG vs GmbH
 * legalFormClassesAgree('company', 'stock');   // true: Inc vs S.A.
 * legalFormClassesAgree('company', 'partnership'); // false: Inc vs L.P.
 */
export function legalFormClassesAgree(a: LegalFormClass, b: LegalFormClass): boolean {
  if (a === b || a === 'generic' || b === 'generic') return true;
  const companies: readonly LegalFormClass[] = ['company', 'stock', 'limited'];
  return (a === 'company' && companies.includes(b)) || (b === 'company' && companies.includes(a));
}
