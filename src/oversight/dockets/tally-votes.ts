import type { JurisdictionPreset } from './jurisdiction-presets.js';
import type { DocketVote, VoteTally } from './docket.js';

/** What the votes on a docket decide under its jurisdiction's rules. */
export interface VoteResult {
  readonly tally: VoteTally;
  /** Enough members voted (yes, no or abstain) to meet the quorum. */
  readonly quorate: boolean;
  /** The yes votes carry it: more than half of the votes cast (yes + no), or of all members. */
  readonly carried: boolean;
  /** Why, in words a reader of the docket page understands. */
  readonly explanation: string;
}

/**
 * Counts a docket's votes against its preset's quorum and majority rule. Pure.
 *
 * @example
 * tallyVotes(seattle, votes); // { tally: { yes: 5, no: 1, abstain: 0, members: 9 }, quorate: true, carried: true, … }
 */
export function tallyVotes(preset: JurisdictionPreset, votes: readonly DocketVote[]): VoteResult {
  const count = (choice: DocketVote['vote']) => votes.filter((v) => v.vote === choice).length;
  const tally: VoteTally = { yes: count('yes'), no: count('no'), abstain: count('abstain'), members: preset.board.members.value };
  const present = tally.yes + tally.no + tally.abstain;
  const quorate = present >= preset.quorum.value;
  const ofMembers = preset.majority.value === 'of-members';
  const carried = quorate && (ofMembers ? tally.yes * 2 > tally.members : tally.yes > tally.no);
  const rule = ofMembers ? `a majority of all ${tally.members} members (${Math.floor(tally.members / 2) + 1})` : 'more yes than no votes';
  const explanation = !quorate
    ? `${present} of ${tally.members} members voted; the quorum is ${preset.quorum.value}`
    : `${tally.yes} yes, ${tally.no} no, ${tally.abstain} abstaining; approval needs ${rule}: ${carried ? 'carried' : 'not carried'}`;
  return { tally, quorate, carried, explanation };
}
