import { readFileSync } from 'node:fs';
import { CommandError } from '../core/command-error.js';
import { configureJurisdictions } from '../oversight/dockets/jurisdiction-presets.js';
import type { JurisdictionPreset } from '../oversight/dockets/jurisdiction-presets.js';

/**
 * Adds the jurisdictions a deployment keeps as data beside the bundled presets: a JSON array in
 * the presets' shape, in the file `COUNTERSIGN_JURISDICTIONS_FILE` names (every command reads it
 * at start, so `serve`, `tick` and `user grant --scope board:…` agree). A bad file stops the
 * command with the field named.
 *
 * @example
 * configureJurisdictionsFromEnvironment(process.env); // [] when the variable is unset
 */
export function configureJurisdictionsFromEnvironment(env: Record<string, string | undefined>): readonly JurisdictionPreset[] {
  const file = env['COUNTERSIGN_JURISDICTIONS_FILE'];
  if (!file) return [];
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new CommandError({ code: 'INVALID_INPUT', message: `COUNTERSIGN_JURISDICTIONS_FILE: cannot read ${file}`, cause });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new CommandError({ code: 'INVALID_INPUT', message: `COUNTERSIGN_JURISDICTIONS_FILE: ${file} is not JSON`, cause });
  }
  return configureJurisdictions(data, file);
}
