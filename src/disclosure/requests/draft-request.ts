import { randomUUID } from 'node:crypto';
import type { CommandContext } from '../../accounts/command-context.js';
import { CommandError } from '../../core/command-error.js';
import { openCase } from '../../kernel/workflow/transition.js';
import type { DisclosureRequest } from './disclosure-request.js';
import { draftLetter, draftQuestions } from './draft-letter.js';
import type { DraftSubjectKind, DraftSubjectReaders } from './draft-subject.js';
import { recordsOfficeFor } from './foia-offices.js';
import { jurisdictionOf, type JurisdictionId } from './jurisdictions.js';
import { requestWorkflow } from './request-workflow.js';
import type { DisclosureRequestsTransaction } from './requests-transaction.js';

const FIELD: Readonly<Record<DraftSubjectKind, string>> = { alert: 'fromAlert', contract: 'fromContract', review: 'fromReview', docket: 'fromDocket' };

/** What to draft from, and how. */
export interface DraftRequestArgs<Tx extends DisclosureRequestsTransaction> {
  readonly ctx: CommandContext;
  readonly from: { readonly kind: DraftSubjectKind; readonly id: string };
  readonly readers: DraftSubjectReaders<Tx>;
  /** The records law (default: federal FOIA). */
  readonly jurisdiction?: JurisdictionId;
  readonly expedited?: boolean;
  /** How the letter is signed (the requester's display name). */
  readonly requesterName: string;
}

/**
 * Drafts a request in one step from the record: reads the subject (an alert, a contract, a review,
 * a docket), addresses the agency's records office, fills in the PIID and award key and asks the
 * letter's questions about this contract. The draft is the requester's own until submitted.
 *
 * @example
 * const request = await draftRequest({ ctx, from: { kind: 'alert', id }, readers, requesterName: 'A. Reporter' }, tx);
 */
export async function draftRequest<Tx extends DisclosureRequestsTransaction>({ ctx, from, readers, jurisdiction = 'us-federal', expedited = false, requesterName }: DraftRequestArgs<Tx>, tx: Tx): Promise<DisclosureRequest> {
  if (ctx.actor.userId === null) throw new CommandError({ code: 'UNAUTHENTICATED', message: 'sign in to draft a request' });
  const reader = readers[from.kind];
  if (!reader) throw new CommandError({ code: 'INVALID_INPUT', message: `requests cannot be drafted from a ${from.kind} on this installation yet`, issues: [{ path: FIELD[from.kind], message: 'not available' }] });
  const subject = await reader(tx, from.id, ctx.now.toISOString());
  if (!subject) throw new CommandError({ code: 'NOT_FOUND', message: `no ${from.kind} "${from.id}" to draft a request from`, issues: [{ path: FIELD[from.kind], message: 'not found' }] });
  const law = jurisdictionOf(jurisdiction);
  const office = recordsOfficeFor(subject.agencyId, subject.agencyName, law.id);
  const letter = draftLetter({ subject, office, jurisdiction: law, questions: draftQuestions(subject), expedited, requester: requesterName });
  const request: DisclosureRequest = {
    id: randomUUID(), status: 'draft', requesterUserId: ctx.actor.userId, requesterName, jurisdiction: law.id, agencyId: subject.agencyId, agencyName: subject.agencyName,
    addressee: office.addressee, subjectKind: subject.kind, subjectId: subject.id, piid: subject.piid, awardKey: subject.awardKey,
    title: subject.piid ? `${subject.agencyName}: records of contract ${subject.piid}${subject.vendorName ? ` with ${subject.vendorName}` : ''}` : `${subject.agencyName}: records of ${subject.kind} ${subject.id}`,
    letter, expedited, createdAt: ctx.now.toISOString(), receivedAt: null, dueDate: null, daysAllowed: null, daysUsed: 0, clockRunningSince: null, extended: false, overdue: false,
    determination: null, feeAmount: null, feePaidAt: null, closedAt: null,
  };
  return (await openCase({ ctx, workflow: requestWorkflow, via: 'draft', input: { request } }, tx)).case;
}
