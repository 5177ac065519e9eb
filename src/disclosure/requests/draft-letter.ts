import type { DraftSubject } from './draft-subject.js';
import type { RecordsOffice } from './foia-offices.js';
import type { Jurisdiction } from './jurisdictions.js';

/** One question of a request, with where it comes from. */
export interface RequestQuestion {
  /** Stable key: `technology`, `modifications`, `eo-14093`, `oversight`, `data-handling`, `remedies`, `unpublished-step`. */
  readonly key: string;
  readonly text: string;
}

/** The contract as the letter names it: "contract 70CTD024P00000012 (USAspending award CONT_AWD_…)". */
function contractPhrase(subject: DraftSubject): string {
  if (!subject.piid) return subject.matter ?? `${subject.kind} ${subject.id}`;
  return `contract ${subject.piid}`;
}

/**
 * The six things the civil-society letter of 31 October 2024 asked DHS to disclose about the
 * Paragon contract (items 1, 2, 3.a, 3.b, 3.c and 3.d), asked about this subject's contract.
 */
export function draftQuestions(subject: DraftSubject): RequestQuestion[] {
  const contract = contractPhrase(subject);
  const between = `between ${subject.agencyName} and ${subject.vendorName ?? 'the contractor'}${subject.awardDate ? ` awarded on or around ${subject.awardDate}` : ''}`;
  const later = subject.actions.filter((a) => !a.what.startsWith('award'));
  const named = later.length > 0 ? `, including ${later.map((a) => `the ${a.what}${a.date ? ` dated ${a.date}` : ''}${a.description ? ` ("${a.description}")` : ''}`).join('; ')}` : '';
  const technology = subject.piid ? `the technology procured under ${contract}` : contract;
  // The first question names the award key too; the others refer to the contract by its PIID.
  const procured = subject.piid ? `procured through ${contract}${subject.awardKey ? ` (USAspending award ${subject.awardKey})` : ''} ${between}` : `concerned by ${contract}`;
  const questions: RequestQuestion[] = [
    { key: 'technology', text: `All records describing the technology or services ${procured}, including statements of work, specifications, licences and deliverables.` },
    { key: 'modifications', text: subject.piid ? `All records of the modifications of ${contract} and the reasons for them${named}.` : `All contracts, purchase orders and modifications for the technology concerned by ${contract}, and the reasons for them${named}.` },
    {
      key: 'eo-14093',
      text: `All records showing whether ${subject.piid ? `the procurement under ${contract}` : `any procurement or use of ${contract}`} complies with Executive Order 14093 (Prohibition on Use by the United States Government of Commercial Spyware that Poses Risks to National Security): under Section 3, any request to the Director of National Intelligence for information on whether the product poses significant counterintelligence or security risks to the United States Government or significant risks of improper use by a foreign government or foreign person, any consideration of those risks, and any consideration of the vendor's due-diligence procedures and controls; under Sections 2 and 4, the descriptions of the purpose and authorized uses of the product and of the internal controls and oversight procedures that apply to its use.`,
    },
    { key: 'oversight', text: `All records of the oversight mechanisms, before use (ex ante) and after use (ex post), that apply to any use of ${technology}, to ensure it is not used in a way that violates domestic or international law.` },
    { key: 'data-handling', text: `All records on how data obtained through ${technology} is stored, used, shared or deleted.` },
    { key: 'remedies', text: `All records about the remedies available to people subjected to unlawful surveillance through ${technology}.` },
  ];
  for (const step of subject.unpublishedSteps) questions.push({ key: 'unpublished-step', text: `All records of ${step}, which is not on the public record.` });
  return questions;
}

/** What a letter is drafted from. */
export interface LetterInput {
  readonly subject: DraftSubject;
  readonly office: RecordsOffice;
  readonly jurisdiction: Jurisdiction;
  readonly questions: readonly RequestQuestion[];
  readonly expedited: boolean;
  /** Who signs: the requester's display name. */
  readonly requester: string;
}

/**
 * The request letter: addressed to the agency's records office, citing the law, naming the PIID
 * and award key, asking each question, asking for a fee waiver and stating the statutory period.
 *
 * @example
 * draftLetter({ subject, office, jurisdiction: JURISDICTIONS['us-federal'], questions: draftQuestions(subject), expedited: false, requester: 'A. Reporter' });
 */
export function draftLetter({ subject, office, jurisdiction, questions, expedited, requester }: LetterInput): string {
  const address = [office.addressee, office.postalAddress, office.email].filter((line): line is string => line !== null).join('\n');
  const facts = [
    subject.piid ? `Procurement Instrument Identifier (PIID): ${subject.piid}` : null,
    subject.awardKey ? `USAspending award key: ${subject.awardKey}` : null,
    subject.vendorName ? `Contractor: ${subject.vendorName}` : null,
    subject.description ? `Description: ${subject.description}` : null,
  ].filter((line): line is string => line !== null);
  const period = jurisdiction.response;
  const unit = period.unit === 'business' ? 'business days' : 'days';
  return [
    `To: ${address}`,
    '',
    `Re: Request under ${jurisdiction.law} (${jurisdiction.lawCitation})${subject.piid ? ` — contract ${subject.piid}` : ''}`,
    '',
    `Under ${jurisdiction.law}, I request copies of the following records held by ${subject.agencyName}.`,
    ...(facts.length > 0 ? ['', 'The contract:', ...facts.map((f) => `  ${f}`)] : []),
    '',
    'Records requested:',
    ...questions.map((q, i) => `${i + 1}. ${q.text}`),
    '',
    'Please provide the records in electronic form. If any record is withheld in whole or in part, please state the exemption relied on for each withholding and release every reasonably segregable part.',
    jurisdiction.feeSentence,
    ...(expedited && jurisdiction.expedite ? [`I ask for expedited processing under ${jurisdiction.expedite.citation}: there is an urgency to inform the public about actual or alleged government activity. I certify that this statement is true and correct to the best of my knowledge and belief.`] : []),
    `The law asks for a response within ${period.days} ${unit} of receipt (${period.citation}).`,
    '',
    'Sincerely,',
    requester,
  ].join('\n');
}
