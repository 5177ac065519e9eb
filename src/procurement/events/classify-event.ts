import { FUNDING_ONLY_CODE, REASON_FOR_MODIFICATION, TERMINATION_CODES } from './reason-for-modification.js';

/** What a transaction means for an oversight reader. */
export type ProcurementEvent =
  | 'award'
  | 'modification'
  | 'stop-work'
  | 'stop-work-lifted'
  | 'termination'
  | 'funding'
  | 'deletion';

export const PROCUREMENT_EVENTS: readonly ProcurementEvent[] = [
  'award',
  'modification',
  'stop-work',
  'stop-work-lifted',
  'termination',
  'funding',
  'deletion',
];

/** The facts of a transaction that decide its event. */
export interface EventInput {
  readonly modification: string;
  readonly actionTypeCode: string;
  readonly description: string;
  readonly correctionDeleteInd: string;
}

export interface EventClassification {
  readonly event: ProcurementEvent;
  /** Why, in words an analyst can check against the record. */
  readonly reason: string;
}

// FPDS has no code for a stop-work order (FAR 52.242-15) or its lift: contracting officers write
// it in the description, spelled many ways ("STOP WORK", "STOP-WORK", "STOPWORK", "SWO"). A
// suspension of work (FAR 52.242-14) stops performance the same way.
const STOP_WORK = /\b(STOP[\s-]*WORK|SWO|SUSPENSION OF WORK|SUSPEND(?:ED)? WORK)\b/;
// Words that, next to a stop-work mention, mean the order ends.
const LIFT =
  /\b(LIFT(?:S|ED|ING)?|RESCIND(?:S|ED|ING)?|RESCISSION|RESUM(?:E|ES|ED|ING|PTION)|REINSTAT(?:E|ES|ED|EMENT)|RESTART(?:S|ED)?|RELEASE[SD]?|(?:CANCEL(?:S|LED|LING)?|REMOV(?:E|ES|ED|ING)|TERMINAT(?:E|ES|ED|ING|ION OF)|END(?:S|ED)?)\s+(?:THE\s+)?(?:STOP|SWO|SUSPENSION))\b/;
// A notice to resume work lifts an earlier stop even when the stop is not named.
const RESUME_WORK = /\b(RESUM(?:E|ES|ED|ING|PTION OF)\s+(?:ALL\s+)?(?:WORK|PERFORMANCE)|NOTICE TO RESUME)\b/;
const TERMINATION_TEXT = /\bTERMINAT(?:E|ED|ION|ING)\s+(?:\w+\s+)?FOR\s+(CONVENIENCE|DEFAULT|CAUSE)\b/;
const FUNDING_TEXT = /\b(INCREMENTAL(?:LY)?\s+FUND|ADD(?:S|ING|ED)?\s+(?:INCREMENTAL\s+)?FUND|FUNDING\s+ONLY|DE-?OBLIGAT)/;

function codeText(code: string): string {
  const meaning = REASON_FOR_MODIFICATION[code];
  return meaning === undefined ? `action type ${code}` : `action type ${code} (${meaning})`;
}

function quoted(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `"${flat.slice(0, 77)}…"` : `"${flat}"`;
}

/**
 * Reads the event of a transaction from its delete flag, action type code and description.
 * Description keywords win over codes for stop-work orders, which have no code.
 *
 * @example
 * classifyEvent({ modification: 'P00002', actionTypeCode: 'M', description: 'LIFT THE STOP WORK ORDER', correctionDeleteInd: '' });
 * // { event: 'stop-work-lifted', reason: 'description "LIFT THE STOP WORK ORDER" lifts a stop-work order ("LIFT" with "STOP WORK"); FPDS has no code for it' }
 */
export function classifyEvent(input: EventInput): EventClassification {
  const code = input.actionTypeCode.trim().toUpperCase();
  const text = input.description.toUpperCase();
  if (input.correctionDeleteInd.trim().toUpperCase() === 'D') {
    return { event: 'deletion', reason: 'the delta file marks this transaction deleted (correction_delete_ind D)' };
  }
  const stop = STOP_WORK.exec(text);
  if (stop !== null) {
    const lift = LIFT.exec(text);
    if (lift !== null) {
      return {
        event: 'stop-work-lifted',
        reason: `description ${quoted(input.description)} lifts a stop-work order ("${lift[1]}" with "${stop[1]}"); FPDS has no code for it`,
      };
    }
    return {
      event: 'stop-work',
      reason: `description ${quoted(input.description)} orders work stopped ("${stop[1]}"); FPDS has no code for it`,
    };
  }
  const resume = RESUME_WORK.exec(text);
  if (resume !== null) {
    return {
      event: 'stop-work-lifted',
      reason: `description ${quoted(input.description)} resumes stopped work ("${resume[1]}")`,
    };
  }
  if (TERMINATION_CODES.has(code)) return { event: 'termination', reason: codeText(code) };
  const termination = TERMINATION_TEXT.exec(text);
  if (termination !== null) {
    return { event: 'termination', reason: `description ${quoted(input.description)} terminates the contract for ${termination[1]?.toLowerCase()}` };
  }
  const modification = input.modification.trim();
  if (modification === '' || /^0+$/.test(modification)) {
    return {
      event: 'award',
      reason: code === '' ? 'base award (modification 0)' : `base award (modification 0), ${codeText(code)}`,
    };
  }
  if (code === FUNDING_ONLY_CODE) return { event: 'funding', reason: codeText(code) };
  const funding = FUNDING_TEXT.exec(text);
  if (funding !== null) {
    return { event: 'funding', reason: `description ${quoted(input.description)} changes funding ("${funding[1]}")` };
  }
  return {
    event: 'modification',
    reason: code === '' ? `modification ${modification}` : `modification ${modification}, ${codeText(code)}`,
  };
}
