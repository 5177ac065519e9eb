import { atLeast, either, scoped } from '../../accounts/policy.js';
import { CommandError } from '../../core/command-error.js';
import { jurisdictionPreset, type JurisdictionPreset } from './jurisdiction-presets.js';

/** Staff of the board (its clerk) or an admin. */
export const boardClerk = either(atLeast('admin'), scoped('board-clerk'));

/** The proposing agency's officer or an admin. */
export const agencyOfficer = either(atLeast('admin'), scoped('officer'));

/** A step that records something within a state (a vote, a comment, a report) and leaves the state as it was. */
export const selfLoop = ({ from }: { from: string | null }): string => {
  if (from === null) throw new Error('a step within a state needs a case that is in one');
  return from;
};

/** The preset of a jurisdiction; an unknown one is the caller's mistake, named. */
export function presetOf(jurisdiction: string): JurisdictionPreset {
  const preset = jurisdictionPreset(jurisdiction);
  if (!preset) throw new CommandError({ code: 'INVALID_INPUT', message: `no jurisdiction "${jurisdiction}": use seattle, oakland or nyc`, issues: [{ path: 'jurisdiction', message: 'unknown jurisdiction' }] });
  return preset;
}
