/**
 * Words that describe what an organisation is or does rather than which one it is: "Group",
 * "Holdings", "Solutions", "Bank", "Systems", "International", and their common equivalents in
 * other languages of company registers. Two names sharing only such words have little in common
 * ("Paragon Systems" vs "Paragon Solutions" differ where it matters), so the scorer gives them half
 * the weight of a distinctive word, and a name made only of them (plus common English words, see
 * common-words.ts) is generic.
 *
 * Editorial list, compiled from the vocabulary of company and agency names in US federal
 * procurement data and international company registers. Spellings are the folded, tokenised form.
 */
const WORDS = `
academy accounting advanced advisers advisors advisory aerospace agencies agency agricultural
agriculture alliance analytics applied architects architecture assets associated associates
association authority automation automotive aviation banca banco bank bankers banking banque biotech
brands brothers builders building business capital care center centers centre chemical chemicals
clinic college commercial commission communication communications community computer computers
computing construction constructors consult consultancy consultants consulting contractors
contracting corporate council credit cyber data defence defense department design designs
development devices digital direct distribution division dynamics education electric electrical
electronic electronics energy engineering engineers enterprise enterprises environmental equipment
estate estates federal federation finance financial fund funding funds gas general global
government group groupe grupo gruppe gruppo healthcare health holding holdings hospital hotel hotels
imports exports import export industrial industries industry info information infrastructure
initiative initiatives innovation innovations insurance institute institution integrated
intelligence interactive international investment investments lab labs laboratories laboratory
lease leasing life lines logistics management manufacturing marine maritime marketing materials
media medical metals ministry mining mobile motor motors mortgage national network networks oil
operations organisation organization organisations organizations partners partnership petroleum
pharma pharmaceutical pharmaceuticals plant power precision products project projects properties
property realty research resources retail risk safety sciences science securities security service
services shipping software solution solutions steel strategic strategies studio supplies supply
support surveillance systems system tech technical technologies technology telecom
telecommunications trading training transport transportation travel trust trustees unit united
university ventures werke werk works world worldwide
gesellschaft unternehmen handel bau technik industrie societe compagnie entreprise entreprises
sociedad empresa empresas servicios comercial industrias inversiones societa impresa servizi
obshchestvo kompaniya tsentr zavod predpriyatie gongsi jituan
`;

/**
 * The generic business vocabulary.
 *
 * @example
 * BUSINESS_WORDS.has('solutions'); // true
 * BUSINESS_WORDS.has('paragon');   // false (a common English word, but not a business descriptor)
 */
export const BUSINESS_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((word) => word !== ''));
