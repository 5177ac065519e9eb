import type { DisclosureRequest } from './disclosure-request.js';
import type { Jurisdiction } from './jurisdictions.js';

const OUTCOME_WORDS = { done: 'granted', partial: 'granted in part', rejected: 'denied', 'no-documents': 'answered with "no records found"' } as const;

function reference(request: DisclosureRequest, trackingNumbers: readonly string[]): string {
  const numbers = trackingNumbers.length > 0 ? ` (tracking number${trackingNumbers.length > 1 ? 's' : ''} ${trackingNumbers.join(', ')})` : '';
  return `my request under ${request.jurisdiction === 'us-federal' ? 'the Freedom of Information Act' : 'the law cited below'} received on ${request.receivedAt ?? 'an unknown date'}${numbers}${request.piid ? `, about contract ${request.piid}` : ''}`;
}

/**
 * A follow-up for an overdue request: it names the request, the date the response was due and
 * the statute, and asks for a date by which the agency will respond.
 *
 * @example
 * draftFollowUp(request, JURISDICTIONS['us-federal'], ['2026-ICFO-12345']).subject; // 'Overdue: …'
 */
export function draftFollowUp(request: DisclosureRequest, jurisdiction: Jurisdiction, trackingNumbers: readonly string[]): { subject: string; body: string } {
  return {
    subject: `Overdue: ${request.title}`,
    body: [
      `To: ${request.addressee}`,
      '',
      `I write about ${reference(request, trackingNumbers)}.`,
      `A response was due by ${request.dueDate ?? 'the statutory date'} (${jurisdiction.response.citation}${request.extended && jurisdiction.extension ? `, extended under ${jurisdiction.extension.citation}` : ''}), and I have not received one.`,
      'Please tell me the status of the request and the date by which you expect to complete it.',
      '',
      'Sincerely,',
      request.requesterName,
    ].join('\n'),
  };
}

/**
 * An administrative appeal drafted from the determination: what was decided and when, the
 * appeal period, and what is asked (release of the records withheld, an adequate search).
 */
export function draftAppeal(request: DisclosureRequest, jurisdiction: Jurisdiction, trackingNumbers: readonly string[]): { subject: string; body: string } {
  const determination = request.determination;
  const decided = determination ? `was ${OUTCOME_WORDS[determination.outcome]} on ${determination.date}${determination.note ? ` ("${determination.note}")` : ''}` : 'has not been answered';
  const grounds = determination?.outcome === 'no-documents'
    ? 'I appeal the adequacy of the search: records of the contract named in the request necessarily exist (its award and modifications are published in federal procurement data), and the search was not reasonably calculated to find them.'
    : 'I appeal the withholding: please release every record withheld, state the exemption claimed for each withholding, and release every reasonably segregable part.';
  return {
    subject: `Appeal: ${request.title}`,
    body: [
      `To: ${request.addressee} (appeals)`,
      '',
      `I appeal the determination on ${reference(request, trackingNumbers)}, which ${decided}.`,
      ...(jurisdiction.appeal ? [`This appeal is made within the period allowed (${jurisdiction.appeal.days} days, ${jurisdiction.appeal.citation}).`] : []),
      grounds,
      ...(jurisdiction.appealDecision ? [`Please decide the appeal within ${jurisdiction.appealDecision.days} ${jurisdiction.appealDecision.unit === 'business' ? 'business days' : 'days'} (${jurisdiction.appealDecision.citation}).`] : []),
      '',
      'Sincerely,',
      request.requesterName,
    ].join('\n'),
  };
}
